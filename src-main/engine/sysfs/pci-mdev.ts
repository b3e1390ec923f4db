// The mdev types a parent device offers (kernel-abi.md 4.1):
// `mdev_supported_types/<type>/{name,description,device_api,available_instances,devices/}`.
import type { MdevType } from '../../../src-shared/model';
import { readCount } from './attribute-values';
import { compareNatural } from './order';
import { type SysfsTree, child } from './sysfs-tree';

function mdevsOfType(tree: SysfsTree, typeDir: string): string[] {
  return (tree.entries(child(typeDir, 'devices')) ?? [])
    .map((entry) => entry.name)
    .sort(compareNatural);
}

export function readMdevTypes(tree: SysfsTree, dir: string): MdevType[] {
  const typesDir = child(dir, 'mdev_supported_types');
  return (tree.entries(typesDir) ?? [])
    .filter((entry) => entry.kind === 'dir')
    .map((entry) => entry.name)
    .sort(compareNatural)
    .map((id) => {
      const typeDir = child(typesDir, id);
      return {
        id,
        name: tree.text(typeDir, 'name'),
        description: tree.text(typeDir, 'description'),
        deviceApi: tree.text(typeDir, 'device_api'),
        availableInstances: readCount(tree, typeDir, 'available_instances'),
        devices: mdevsOfType(tree, typeDir),
      };
    });
}
