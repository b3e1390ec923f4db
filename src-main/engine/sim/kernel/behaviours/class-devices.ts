// Class devices that are just there to be seen: a DRM card, a sound card,
// an NVMe controller with its namespaces and their partitions, a virtio disk.
import { HEX } from '../modalias';
import type { PartitionSpec, SimDevice } from '../state';
import type { Behaviour, ProbeContext } from './context';
import { devnode } from './devnodes';

function numbered(ctx: ProbeContext, ida: string): number {
  return ctx.k.ida(ida).alloc();
}

export const drm: Behaviour = {
  create: (ctx) => {
    const n = numbered(ctx, 'drm');
    ctx.core.add(ctx.k, {
      name: `card${n}`, parent: ctx.dev.id, bus: null, cls: 'drm', createdBy: ctx.dev.id,
      devnode: devnode('drm', n, `dri/card${n}`), ids: [['drm', n]],
    });
  },
};

export const sound: Behaviour = {
  create: (ctx) => {
    const n = numbered(ctx, 'sound-card');
    ctx.core.add(ctx.k, {
      name: `card${n}`, parent: ctx.dev.id, bus: null, cls: 'sound', createdBy: ctx.dev.id, devnode: null,
      ids: [['sound-card', n]], attrs: { number: String(n), id: 'Intel' },
    });
  },
};

interface Disk {
  readonly name: string;
  readonly major: 'blkext' | 'virtblk';
  readonly minor: number;
  readonly sectors: number;
  /** The IDA number the disk holds. */
  readonly id: readonly [string, number];
}

function addDisk(ctx: ProbeContext, parent: SimDevice, disk: Disk): SimDevice {
  const { name, major, minor, sectors } = disk;
  return ctx.core.add(ctx.k, {
    name, parent: parent.id, bus: null, cls: 'block', createdBy: ctx.dev.id,
    devnode: devnode(major, minor, name), devtype: 'disk', ids: [disk.id],
    attrs: { size: String(sectors), ro: '0', removable: '0', diskseq: String(ctx.k.nextDiskseq()) },
  });
}

/** Block devices with extended minors (NVMe namespaces and their partitions) share one number space. */
const BLKEXT = 'blkext';

/** add_partition(): `<disk>p<N>` under the disk, as the partition scan finds them. */
function addPartitions(ctx: ProbeContext, disk: SimDevice, partitions: readonly PartitionSpec[]): void {
  partitions.forEach((partition, i) => {
    const minor = ctx.k.ida(BLKEXT).alloc();
    const name = `${disk.name}p${i + 1}`;
    ctx.core.add(ctx.k, {
      name, parent: disk.id, bus: null, cls: 'block', createdBy: ctx.dev.id,
      devnode: devnode('blkext', minor, name), devtype: 'partition', ids: [[BLKEXT, minor]],
      part: { diskseq: disk.attrs?.diskseq ?? '0', name: partition.name },
      attrs: { partition: String(i + 1), start: String(partition.start), size: String(partition.sectors), ro: '0' },
    });
  });
}

/** nvme%d (the controller's character device) and nvme%dn1.. under it, each with its partitions. */
export const nvme: Behaviour = {
  create: (ctx) => {
    const n = numbered(ctx, 'nvme');
    const controller = ctx.core.add(ctx.k, {
      name: `nvme${n}`, parent: ctx.dev.id, bus: null, cls: 'nvme', createdBy: ctx.dev.id,
      devnode: devnode('nvme', n, `nvme${n}`), ids: [['nvme', n]],
      attrs: { address: ctx.dev.name, state: 'live', transport: 'pcie', serial: `SIM${HEX(n, 4)}`, model: 'Simulated NVMe' },
    });
    (ctx.dev.pci?.hw.nvmeNamespaces ?? []).forEach((namespace, i) => {
      const minor = ctx.k.ida(BLKEXT).alloc();
      const disk = addDisk(ctx, controller, { name: `nvme${n}n${i + 1}`, major: 'blkext', minor, sectors: namespace.sectors, id: [BLKEXT, minor] });
      addPartitions(ctx, disk, namespace.partitions);
    });
  },
};

/** virtio_blk: vda, vdb, ... */
export const virtioBlk: Behaviour = {
  create: (ctx) => {
    const n = numbered(ctx, 'vd');
    addDisk(ctx, ctx.dev, { name: `vd${String.fromCharCode(0x61 + (n % 26))}`, major: 'virtblk', minor: n * 16, sectors: 0x40000, id: ['vd', n] });
  },
};
