// Mediated devices (kernel-abi.md 4): parents register types, `create`
// makes an mdev named by its lowercase UUID and binds the parent's mdev
// driver directly (the mdev bus matches nothing), `remove` destroys it.
import type { Errno, ProbeErrno } from '../errno';
import type { CoreOps } from './behaviours/context';
import type { Kernel } from './kernel';
import { kstrtoul } from './parse';
import type { MdevParentSpec, MdevTypeSpec, SimDevice } from './state';

const UUID_LEN = 36;

/** `<driver string>-<sysfs name>`: dev_driver_string() is the driver, else the bus, else the class. */
export function typeId(parent: SimDevice, type: MdevTypeSpec): string {
  return `${parent.mdevParent?.prefix ?? ''}-${type.sysfsName}`;
}

export function findType(parent: SimDevice, id: string): MdevTypeSpec | undefined {
  return parent.mdevParent?.spec.types.find((type) => typeId(parent, type) === id);
}

/** available_instances: the shared counter, or what get_available() finds in the pool. */
export function availableInstances(parent: SimDevice, type: MdevTypeSpec): number {
  const state = parent.mdevParent;
  if (!state) return 0;
  if (type.cost === null) return state.available;
  return Math.floor((state.pools[type.cost.pool] ?? 0) / type.cost.units);
}

/** mdev_register_parent(): the types appear, and a `change` uevent with MDEV_STATE=registered. */
export function registerMdevParent(k: Kernel, dev: SimDevice, spec: MdevParentSpec): void {
  if (dev.mdevParent) return;
  const pools: Record<string, number> = {};
  for (const [name, pool] of Object.entries(spec.pools)) pools[name] = pool.size;
  dev.mdevParent = { spec, prefix: dev.driver ?? dev.bus ?? dev.cls ?? '', available: spec.maxInstances ?? 0, pools };
  k.emitDevice('change', dev, ['MDEV_STATE=registered']);
}

/** mdev_unregister_parent(): every child mdev goes first, then MDEV_STATE=unregistered. */
export function unregisterMdevParent(k: Kernel, core: CoreOps, dev: SimDevice): void {
  if (!dev.mdevParent) return;
  for (const child of k.directChildren(dev.id).reverse()) if (child.mdev) removeMdev(k, core, child);
  delete dev.mdevParent;
  k.emitDevice('change', dev, ['MDEV_STATE=unregistered']);
}

/** Registers the parents whose parent driver and mdev driver are now both there. */
export function registerReadyParents(k: Kernel, candidates: Iterable<SimDevice>): void {
  for (const dev of candidates) {
    const spec = dev.pci?.hw.mdev;
    if (!spec || dev.mdevParent || dev.driver === null || dev.driver !== spec.parentDriver) continue;
    if (k.driver('mdev', spec.mdevDriver)) registerMdevParent(k, dev, spec);
  }
}

/** uuid_is_valid() on the first 36 characters. */
function validUuid(text: string): boolean {
  for (let i = 0; i < UUID_LEN; i += 1) {
    const c = text[i] ?? '';
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== '-') return false;
    } else if (!/^[0-9a-fA-F]$/.test(c)) return false;
  }
  return true;
}

/** create_store() and mdev_device_create(). */
export function createMdev(k: Kernel, core: CoreOps, parent: SimDevice, type: MdevTypeSpec, text: string, count: number): Errno | null {
  if (count < UUID_LEN || count > UUID_LEN + 1 || !validUuid(text)) return 'EINVAL';
  const state = parent.mdevParent;
  if (!state) return 'ENODEV';
  const name = text.slice(0, UUID_LEN).toLowerCase();
  if (k.busDevice('mdev', name)) return 'EEXIST';
  if (type.cost === null) {
    if (state.available === 0) return 'EUSERS';
    state.available -= 1;
  }
  const mdev = core.add(k, {
    name, parent: parent.id, bus: 'mdev', cls: null, createdBy: null, devnode: null,
    mdev: { parent: parent.id, type: typeId(parent, type) },
  });
  const driver = k.driver('mdev', state.spec.mdevDriver);
  const outcome = driver ? core.probe(k, mdev, driver) : { bound: false as const, stage: 'probe' as const, errno: 'ENODEV' as const };
  if (!outcome.bound) {
    core.unregister(k, mdev);
    if (type.cost === null) state.available += 1;
    return outcome.errno === 'EPROBE_DEFER' ? 'EAGAIN' : outcome.errno;
  }
  return null;
}

/** remove_store(): kstrtoul, and a non-zero value removes the device. */
export function removeStore(k: Kernel, core: CoreOps, mdev: SimDevice, text: string): Errno | null {
  const value = kstrtoul(text);
  if ('errno' in value) return 'EINVAL';
  if (value.value !== 0n) removeMdev(k, core, mdev);
  return null;
}

function removeMdev(k: Kernel, core: CoreOps, mdev: SimDevice): void {
  const parent = mdev.mdev ? k.findDevice(mdev.mdev.parent) : undefined;
  const type = parent && mdev.mdev ? findType(parent, mdev.mdev.type) : undefined;
  core.unregister(k, mdev);
  // mdev_device_release(): the shared counter comes back with the device.
  if (parent?.mdevParent && type?.cost === null) parent.mdevParent.available += 1;
}

/** The pool check of an mdev driver's probe (mtty_probe(): ENOSPC when the ports are gone). */
export function poolRefusal(k: Kernel, mdev: SimDevice): ProbeErrno | null {
  const cost = costOf(k, mdev);
  if (!cost || (cost.state.pools[cost.pool] ?? 0) >= cost.units) return null;
  return cost.state.spec.pools[cost.pool]?.probeError ?? 'ENOSPC';
}

export function takeFromPool(k: Kernel, mdev: SimDevice): void {
  const cost = costOf(k, mdev);
  if (cost) cost.state.pools[cost.pool] = (cost.state.pools[cost.pool] ?? 0) - cost.units;
}

export function giveToPool(k: Kernel, mdev: SimDevice): void {
  const cost = costOf(k, mdev);
  if (cost) cost.state.pools[cost.pool] = (cost.state.pools[cost.pool] ?? 0) + cost.units;
}

function costOf(k: Kernel, mdev: SimDevice): { state: NonNullable<SimDevice['mdevParent']>; pool: string; units: number } | null {
  if (!mdev.mdev) return null;
  const parent = k.findDevice(mdev.mdev.parent);
  const type = parent ? findType(parent, mdev.mdev.type) : undefined;
  if (!parent?.mdevParent || !type?.cost) return null;
  return { state: parent.mdevParent, pool: type.cost.pool, units: type.cost.units };
}

/** Parents registered now: /sys/class/mdev_bus lists them. */
export function mdevParents(k: Kernel): SimDevice[] {
  return [...k.allDevices()].filter((dev) => dev.mdevParent !== undefined);
}
