// What every part of the view needs: the kernel and the driver core (for
// store handlers that add and remove devices).
import type { CoreOps } from '../kernel/behaviours/context';
import type { Kernel } from '../kernel/kernel';
import type { SimDevice } from '../kernel/state';

export interface ViewContext {
  readonly k: Kernel;
  readonly core: CoreOps;
}

/** A device's directory as an absolute path. */
export function devicePath(ctx: ViewContext, dev: SimDevice): string {
  return `/sys${ctx.k.devpath(dev)}`;
}
