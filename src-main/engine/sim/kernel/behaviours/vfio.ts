// VFIO device files (kernel-abi.md 3.7): binding vfio-pci (or a variant)
// registers a VFIO device, which makes the group's /dev/vfio/<group> appear
// with the first member and `vfio-dev/vfioN`. Debian's 6.12 has no
// CONFIG_VFIO_DEVICE_CDEV (it needs iommufd), so vfioN has no
// /dev/vfio/devices/vfioN node, as on the test VM. An mdev's VFIO driver gets an
// emulated IOMMU group of its own. The group device goes with the last member,
// and userspace's ownership of the group with it.
import { emulatedGroup, iommuRelease } from '../iommu';
import type { Kernel } from '../kernel';
import { giveToPool, poolRefusal, takeFromPool } from '../mdev';
import type { SimDevice } from '../state';
import type { Behaviour, ProbeContext } from './context';
import { devnode } from './devnodes';
import { driverProfile } from './driver-profiles';

/** Whether a VFIO driver holds this device (it then has /dev/vfio/<group>). */
export function isVfioBound(dev: SimDevice): boolean {
  if (dev.driver === null || dev.bus === null) return false;
  const creates = driverProfile(dev.bus, dev.driver).creates ?? [];
  return creates.includes('vfio-pci') || creates.includes('vfio-mdev');
}

function groupDevice(k: Kernel, group: number): SimDevice | undefined {
  const id = k.classMembers('vfio')?.get(String(group));
  return id === undefined ? undefined : k.device(id);
}

function registerVfioDevice(ctx: ProbeContext): void {
  const { k, dev } = ctx;
  const group = dev.group;
  if (group === null) return;
  if (!groupDevice(k, group)) {
    const minor = k.ida('vfio-group-minor').alloc();
    ctx.core.add(k, {
      name: String(group), parent: null, bus: null, cls: 'vfio', createdBy: null,
      devnode: devnode('vfio', minor, `vfio/${group}`), ids: [['vfio-group-minor', minor]],
    });
  }
  const n = k.ida('vfio-dev').alloc();
  ctx.core.add(k, {
    name: `vfio${n}`, parent: dev.id, bus: null, cls: 'vfio-dev', createdBy: dev.id, devnode: null, ids: [['vfio-dev', n]],
  });
}

/** vfio_unregister_group_dev(): the device file, then the group's when it was the last member. */
function unregisterVfioDevice(ctx: ProbeContext): void {
  const { k, dev } = ctx;
  for (const child of k.createdBy(dev.id)) if (child.cls === 'vfio-dev') ctx.core.unregister(k, child);
  const group = dev.group;
  if (group === null) return;
  const others = [...k.groupMembers(group)].some((id) => id !== dev.id && isVfioBound(k.device(id)));
  if (others) return;
  const record = k.group(group);
  if (record) record.userOwned = false;
  const file = groupDevice(k, group);
  if (file) ctx.core.unregister(k, file);
}

export const vfioPci: Behaviour = {
  create: registerVfioDevice,
  remove: unregisterVfioDevice,
};

/** The mdev samples' drivers (and GVT's): the parent's resources, then a VFIO device in an emulated group. */
export const vfioMdev: Behaviour = {
  check: (ctx) => poolRefusal(ctx.k, ctx.dev),
  create: (ctx) => {
    takeFromPool(ctx.k, ctx.dev);
    emulatedGroup(ctx.k, ctx.dev);
    registerVfioDevice(ctx);
  },
  remove: (ctx) => {
    unregisterVfioDevice(ctx);
    iommuRelease(ctx.k, ctx.dev);
    giveToPool(ctx.k, ctx.dev);
  },
};
