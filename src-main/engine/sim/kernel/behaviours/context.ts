// What a driver behaviour gets: the kernel, the device being probed or
// removed, its driver, and the driver core's operations (passed in, so the
// behaviours do not import the core that runs them).
import type { Errno, ProbeErrno } from '../../errno';
import type { ProbeOutcome } from '../driver-core';
import type { Kernel, NewDevice } from '../kernel';
import type { DriverRecord, SimDevice } from '../state';

export interface CoreOps {
  /** device_add(): tree, IOMMU group, `add` uevent; no probe. */
  add(k: Kernel, spec: NewDevice): SimDevice;
  /** device_add() then bus_probe_device() (gated by drivers_autoprobe). */
  register(k: Kernel, spec: NewDevice): SimDevice;
  /** bus_probe_device() of a device already added. */
  probeNew(k: Kernel, dev: SimDevice): void;
  unregister(k: Kernel, dev: SimDevice): void;
  /** __device_release_driver(): unbind, with the driver's teardown. */
  release(k: Kernel, dev: SimDevice): void;
  attach(k: Kernel, dev: SimDevice): 0 | 1 | Errno;
  /** device_driver_attach() without the match (mdev's parent driver binds directly). */
  probe(k: Kernel, dev: SimDevice, drv: DriverRecord): ProbeOutcome;
  registerDriver(k: Kernel, drv: DriverRecord): void;
  /** driver_attach(): every unbound device the driver matches, whatever drivers_autoprobe says. */
  attachDriver(k: Kernel, drv: DriverRecord): void;
}

export interface ProbeContext {
  readonly k: Kernel;
  readonly dev: SimDevice;
  readonly drv: DriverRecord;
  readonly core: CoreOps;
}

/** One thing a driver's probe does (driver-profiles.ts names them). */
export interface Behaviour {
  /** A refusal found before anything is created. */
  readonly check?: (ctx: ProbeContext) => ProbeErrno | null;
  readonly create: (ctx: ProbeContext) => void;
  /** Teardown beyond removing what the binding created (which the core does afterwards). */
  readonly remove?: (ctx: ProbeContext) => void;
}
