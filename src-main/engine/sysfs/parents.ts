// `parent`: the nearest ancestor directory that is itself a device of the
// snapshot, on any bus. VFs sit beside their PF in /sys/devices, so their
// parent is the PF's parent, as the kernel says; `pci.physfn` links them.
import path from 'node:path';
import type { SysfsTree } from './sysfs-tree';

interface Located {
  readonly id: string;
  /** The real directory, absolute. */
  readonly dir: string;
}

/** Parent ids by device id. One map lookup per path component keeps it linear. */
export function findParents(tree: SysfsTree, devices: readonly Located[]): Map<string, string> {
  const idByDir = new Map<string, string>();
  for (const device of devices) if (!idByDir.has(device.dir)) idByDir.set(device.dir, device.id);
  const parents = new Map<string, string>();
  for (const device of devices) {
    for (let dir = path.dirname(device.dir); dir !== tree.root && tree.contains(dir); dir = path.dirname(dir)) {
      const parent = idByDir.get(dir);
      if (parent !== undefined) {
        parents.set(device.id, parent);
        break;
      }
    }
  }
  return parents;
}
