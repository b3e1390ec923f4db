// Class devices of a bus device: what people call it by (`net/enp3s0`,
// `block/nvme0n1`, `drm/card0`). They are directories below the device whose
// `subsystem` link points at `.../class/<class>`, sometimes nested
// (`nvme/nvme0/nvme0n1/nvme0n1p1`). The walk never follows symlinks, stops at
// child bus devices (they have their own class devices), and is bounded.
import type { ClassDevice } from '../../../src-shared/model';
import { compareNatural } from './order';
import { type SysfsTree, child } from './sysfs-tree';

/** Attribute groups and bookkeeping directories that never hold class devices. */
const SKIPPED = new Set([
  'power', 'msi_irqs', 'irqs', 'link', 'mdev_supported_types', 'iommu', 'consumers', 'suppliers',
  'queue', 'mq', 'holders', 'slaves', 'trace', 'integrity', 'statistics', 'queues',
]);

// Deep enough for `nvme/nvme0/nvme0n1/nvme0n1p1`; the budget caps odd trees.
const MAX_DEPTH = 5;
const MAX_DIRECTORIES = 256;

const SUBSYSTEM = /(?:^|\/)(bus|class)\/([^/]+)$/;

export function readClassDevices(tree: SysfsTree, deviceDir: string): ClassDevice[] {
  const found: ClassDevice[] = [];
  const pending: { dir: string; depth: number }[] = [{ dir: deviceDir, depth: 0 }];
  let visited = 0;
  for (let next = pending.pop(); next && visited < MAX_DIRECTORIES; next = pending.pop()) {
    for (const entry of tree.entries(next.dir) ?? []) {
      if (entry.kind !== 'dir' || SKIPPED.has(entry.name)) continue;
      const dir = child(next.dir, entry.name);
      // Listed first (it is walked anyway), so a missing `subsystem` costs no failed syscall.
      tree.entries(dir);
      const link = tree.readLink(dir, 'subsystem');
      const kind = link.state === 'ok' ? SUBSYSTEM.exec(link.value) : null;
      if (kind?.[1] === 'bus') continue;
      if (kind?.[1] === 'class' && kind[2]) found.push({ subsystem: kind[2], name: entry.name });
      if (next.depth + 1 < MAX_DEPTH) pending.push({ dir, depth: next.depth + 1 });
    }
    visited += 1;
  }
  return found.sort((a, b) => compareNatural(a.subsystem, b.subsystem) || compareNatural(a.name, b.name));
}
