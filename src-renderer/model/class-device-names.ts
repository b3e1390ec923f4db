// Which class devices name a device in a row: the handful people type
// (enp3s0, nvme0n1, card0, ttyS0, vfio0), not partitions, DRM connectors,
// render nodes or the PCI bus a bridge opens. The details list them all.
import type { ClassDevice, Device } from '../../src-shared/model';

/** Classes worth a place in a row, in the order shown. */
const SHOWN: readonly { readonly subsystem: string; readonly keep?: (c: ClassDevice, all: readonly ClassDevice[]) => boolean }[] = [
  { subsystem: 'net' },
  // A partition's name extends its disk's name (nvme0n1p1, sda1).
  { subsystem: 'block', keep: (c, all) => !all.some((o) => o.subsystem === 'block' && o.name !== c.name && c.name.startsWith(o.name)) },
  { subsystem: 'nvme' },
  { subsystem: 'drm', keep: (c) => /^card\d+$/.test(c.name) },
  { subsystem: 'tty' },
  { subsystem: 'vfio-dev' },
  { subsystem: 'infiniband' },
  { subsystem: 'mtd' },
];

export function rowClassNames(device: Device): readonly string[] {
  const all = device.classDevices;
  return SHOWN.flatMap(({ subsystem, keep }) =>
    all.filter((c) => c.subsystem === subsystem && (!keep || keep(c, all))).map((c) => c.name),
  );
}
