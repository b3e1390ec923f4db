// IOMMU groups (kernel-abi.md 3.6): `sys/kernel/iommu_groups/<N>/devices/*`
// links resolved to the snapshot's devices, plus the default-domain `type`.
import path from 'node:path';
import type { DeviceId, IommuGroup } from '../../../src-shared/model';
import { type SysfsTree, child } from './sysfs-tree';

/**
 * The device a group's link names. Its target, taken literally, is the
 * device's real directory on any sane tree: a map hit is then safe (every
 * key is a real path inside the root) and spares a realpath; anything else
 * is resolved properly.
 */
function memberOf(tree: SysfsTree, idByDir: ReadonlyMap<string, DeviceId>, devicesDir: string, name: string): DeviceId | undefined {
  const link = tree.readLink(devicesDir, name);
  const literal = link.state === 'ok' ? idByDir.get(path.resolve(devicesDir, link.value)) : undefined;
  if (literal !== undefined) return literal;
  const target = tree.resolve(child(devicesDir, name));
  return target.state === 'ok' ? idByDir.get(target.value) : undefined;
}

/**
 * `idByDir`: device ids by real directory. `rank`: each device's position in
 * the snapshot, so members are listed in the same order as the devices.
 */
export function readIommuGroups(
  tree: SysfsTree,
  idByDir: ReadonlyMap<string, DeviceId>,
  rank: ReadonlyMap<DeviceId, number>,
): IommuGroup[] {
  const groupsDir = tree.path('sys/kernel/iommu_groups');
  return (tree.entries(groupsDir) ?? [])
    .filter((entry) => /^\d+$/.test(entry.name))
    .map((entry) => ({ id: Number(entry.name), groupDir: child(groupsDir, entry.name) }))
    .sort((a, b) => a.id - b.id)
    .map(({ id, groupDir }) => {
      const devicesDir = child(groupDir, 'devices');
      const members: DeviceId[] = [];
      for (const entry of tree.entries(devicesDir) ?? []) {
        const member = memberOf(tree, idByDir, devicesDir, entry.name);
        if (member !== undefined) members.push(member);
      }
      members.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
      return { id, type: tree.text(groupDir, 'type'), devices: members };
    });
}
