// mdev files (kernel-abi.md 4): a parent's `mdev_supported_types/<type>/`
// with create, name, description, device_api, available_instances and
// devices/; an mdev's `mdev_type` link and `remove`.
import { availableInstances, createMdev, findType, removeStore, typeId } from '../../kernel/mdev';
import type { MdevTypeSpec, SimDevice } from '../../kernel/state';
import { devicePath } from '../context';
import type { ViewContext } from '../context';
import type { VDir, VNode } from '../nodes';
import { lazyDir, link, mapDir, roFile, woFile } from '../nodes';
import { attrTable } from './table';

function typeDir(parent: SimDevice, type: MdevTypeSpec, ctx: ViewContext): VDir {
  const id = typeId(parent, type);
  const devices = lazyDir(
    () => ctx.k.directChildren(parent.id).filter((child) => child.mdev?.type === id).map((child) => child.name),
    (name) => {
      const mdev = ctx.k.directChild(parent.id, name);
      return mdev?.mdev?.type === id ? link(devicePath(ctx, mdev)) : null;
    },
  );
  return mapDir(() => {
    const entries: [string, VNode][] = [
      ['create', woFile(({ text, count }) => createMdev(ctx.k, ctx.core, parent, type, text, count))],
      ['name', roFile(() => `${type.prettyName ?? type.sysfsName}\n`)],
      ['device_api', roFile(() => `${type.deviceApi}\n`)],
      ['available_instances', roFile(() => `${availableInstances(parent, type)}\n`)],
      ['devices', devices],
    ];
    if (type.description !== null) entries.push(['description', roFile(() => `${type.description}\n`)]);
    return entries;
  });
}

export const MDEV_PARENT = attrTable((dev) => dev.mdevParent !== undefined, {
  mdev_supported_types: (dev, ctx) => mapDir(() => (dev.mdevParent?.spec.types ?? []).map((type) => [typeId(dev, type), typeDir(dev, type, ctx)] as const)),
});

export const MDEV_DEVICE = attrTable((dev) => dev.mdev !== undefined, {
  mdev_type: (dev, ctx) => {
    const parent = dev.mdev ? ctx.k.findDevice(dev.mdev.parent) : undefined;
    if (!parent || !dev.mdev || !findType(parent, dev.mdev.type)) return null;
    return link(`${devicePath(ctx, parent)}/mdev_supported_types/${dev.mdev.type}`);
  },
  remove: (dev, ctx) => woFile(({ text }) => removeStore(ctx.k, ctx.core, dev, text)),
});
