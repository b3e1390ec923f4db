// /sys/class: a link per class device, and `mdev_bus` linking each mdev parent.
import { mdevParents } from '../kernel/mdev';
import type { ViewContext } from './context';
import { devicePath } from './context';
import type { VDir } from './nodes';
import { lazyDir, link } from './nodes';

function classDir(ctx: ViewContext, cls: string): VDir {
  if (cls === 'mdev_bus') {
    return lazyDir(() => mdevParents(ctx.k).map((dev) => dev.name), (name) => {
      const parent = mdevParents(ctx.k).find((dev) => dev.name === name);
      return parent ? link(devicePath(ctx, parent)) : null;
    });
  }
  return lazyDir(() => ctx.k.classMembers(cls)?.keys() ?? [], (name) => {
    const id = ctx.k.classMembers(cls)?.get(name);
    return id === undefined ? null : link(devicePath(ctx, ctx.k.device(id)));
  });
}

function classNames(ctx: ViewContext): string[] {
  const names = new Set(ctx.k.classes);
  for (const cls of ctx.k.usedClasses()) if ((ctx.k.classMembers(cls)?.size ?? 0) > 0) names.add(cls);
  return [...names];
}

export function classRoot(ctx: ViewContext): VDir {
  return lazyDir(() => classNames(ctx), (name) => (classNames(ctx).includes(name) ? classDir(ctx, name) : null));
}
