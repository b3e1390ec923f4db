// Class devices that are just there to be seen: a DRM card, a sound card,
// an NVMe controller with its namespace, a virtio disk.
import { HEX } from '../modalias';
import type { SimDevice } from '../state';
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

function addDisk(ctx: ProbeContext, parent: SimDevice, disk: Disk): void {
  const { name, major, minor, sectors } = disk;
  ctx.core.add(ctx.k, {
    name, parent: parent.id, bus: null, cls: 'block', createdBy: ctx.dev.id,
    devnode: devnode(major, minor, name), devtype: 'disk', ids: [disk.id],
    attrs: { size: String(sectors), ro: '0', removable: '0', diskseq: String(ctx.k.nextDiskseq()) },
  });
}

/** nvme%d (the controller's character device) and nvme%dn1.. under it. */
export const nvme: Behaviour = {
  create: (ctx) => {
    const n = numbered(ctx, 'nvme');
    const controller = ctx.core.add(ctx.k, {
      name: `nvme${n}`, parent: ctx.dev.id, bus: null, cls: 'nvme', createdBy: ctx.dev.id,
      devnode: devnode('nvme', n, `nvme${n}`), ids: [['nvme', n]],
      attrs: { address: ctx.dev.name, state: 'live', transport: 'pcie', serial: `SIM${HEX(n, 4)}`, model: 'Simulated NVMe' },
    });
    const namespaces = ctx.dev.pci?.hw.nvmeNamespaces ?? 1;
    for (let ns = 1; ns <= namespaces; ns += 1) {
      const minor = ctx.k.ida('nvme-ns').alloc();
      addDisk(ctx, controller, { name: `nvme${n}n${ns}`, major: 'blkext', minor, sectors: 131072, id: ['nvme-ns', minor] });
    }
  },
};

/** virtio_blk: vda, vdb, ... */
export const virtioBlk: Behaviour = {
  create: (ctx) => {
    const n = numbered(ctx, 'vd');
    addDisk(ctx, ctx.dev, { name: `vd${String.fromCharCode(0x61 + (n % 26))}`, major: 'virtblk', minor: n * 16, sectors: 0x40000, id: ['vd', n] });
  },
};
