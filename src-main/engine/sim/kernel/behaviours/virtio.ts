// virtio devices: virtio-pci's probe registers `virtioN` on the virtio bus
// for its PCI function; virtio_vdpa's does the same for a vDPA device
// (kernel-abi.md 5.2). Either one then binds a virtio driver if one is loaded
// and autoprobe is on, or udev loads it from the `add` event's MODALIAS.
import type { Behaviour, ProbeContext } from './context';

function addVirtio(ctx: ProbeContext, ids: { device: number; vendor: number }): void {
  const n = ctx.k.ida('virtio').alloc();
  ctx.core.register(ctx.k, {
    name: `virtio${n}`, parent: ctx.dev.id, bus: 'virtio', cls: null, createdBy: ctx.dev.id, devnode: null,
    virtio: ids, ids: [['virtio', n]],
  });
}

/** Modern devices (0x1040+) carry the virtio ID in the PCI device ID; legacy ones in the subsystem ID. */
export const virtioPci: Behaviour = {
  create: (ctx) => {
    const ids = ctx.dev.pci?.hw.ids;
    if (!ids) return;
    addVirtio(ctx, {
      device: ids.device >= 0x1040 ? ids.device - 0x1040 : ids.subsystemDevice,
      vendor: ids.subsystemVendor,
    });
  },
};

export const virtioVdpa: Behaviour = {
  create: (ctx) => {
    const vdpa = ctx.dev.vdpa;
    if (vdpa) addVirtio(ctx, { device: vdpa.virtioId, vendor: vdpa.vendorId });
  },
};

/** vhost-vdpa-N: a char device with neither bus nor class, so no uevent (kernel-abi.md 5.2, 7.2). */
export const vhostVdpa: Behaviour = {
  create: (ctx) => {
    const n = ctx.k.ida('vhost-vdpa').alloc();
    ctx.core.add(ctx.k, {
      name: `vhost-vdpa-${n}`, parent: ctx.dev.id, bus: null, cls: null, createdBy: ctx.dev.id,
      devnode: { major: 240, minor: n, name: `vhost-vdpa-${n}` }, ids: [['vhost-vdpa', n]],
    });
  },
};
