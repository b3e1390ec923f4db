// The driver core (drivers/base/dd.c, bus.c, core.c; kernel-abi.md 1.2-1.5):
// adding and removing devices, matching and probing in registration order,
// bind/unbind/drivers_probe with their error precedence, driver_attach on
// registration, and the uevents each step sends.
import type { Errno, ProbeErrno } from '../errno';
import type { CoreOps } from './behaviours/context';
import { probeBehaviours, removeBehaviours } from './behaviours/run';
import { dmaConfigure, iommuProbe, iommuRelease } from './iommu';
import type { Kernel, NewDevice } from './kernel';
import { busMatch } from './match';
import { sysfsStreq } from './parse';
import type { DriverRecord, SimDevice } from './state';

/**
 * really_probe()'s result: `probe` failures are the driver's (returned
 * positive, so device_attach tries the next driver); `core` failures (DMA
 * ownership) end the attempt.
 */
export type ProbeOutcome =
  | { readonly bound: true }
  | { readonly bound: false; readonly stage: 'probe' | 'core'; readonly errno: ProbeErrno };

/** device_add(): into the tree, into its IOMMU group, then the `add` uevent. No probing. */
export function deviceAdd(k: Kernel, spec: NewDevice): SimDevice {
  const dev = k.insert(spec);
  iommuProbe(k, dev);
  k.emitDevice('add', dev);
  return dev;
}

/** bus_probe_device(): the first probe of a new device, only while the bus's drivers_autoprobe is on. */
export function busProbeDevice(k: Kernel, dev: SimDevice): void {
  if (dev.bus !== null && k.bus(dev.bus)?.autoprobe) deviceAttach(k, dev);
}

/** device_add() followed by bus_probe_device(), as most buses do. */
export function deviceRegister(k: Kernel, spec: NewDevice): SimDevice {
  const dev = deviceAdd(k, spec);
  busProbeDevice(k, dev);
  return dev;
}

/** really_probe(): driver set, DMA configured, bus and driver probe, then the `bind` uevent. */
export function reallyProbe(k: Kernel, dev: SimDevice, drv: DriverRecord): ProbeOutcome {
  const dma = dmaConfigure(k, dev, drv.name);
  if (dma !== null) return { bound: false, stage: 'core', errno: dma };
  k.setDriver(dev, drv.name);
  const failed = busProbe(k, dev) ?? probeBehaviours({ k, dev, drv, core: CORE });
  if (failed !== null) {
    k.setDriver(dev, null);
    return { bound: false, stage: 'probe', errno: failed };
  }
  k.emitDevice('bind', dev);
  return { bound: true };
}

/** pci_device_probe()'s gate: a VF probes only with its PF's sriov_drivers_autoprobe on, or an override. */
function busProbe(k: Kernel, dev: SimDevice): ProbeErrno | null {
  const physfn = dev.pci?.physfn;
  if (physfn === undefined || physfn === null) return null;
  const pf = k.device(physfn);
  return pf.pci?.sriov?.driversAutoprobe || dev.override !== null ? null : 'ENODEV';
}

/** __driver_probe_device(): EBUSY when already bound, then really_probe(). */
export function driverProbeDevice(k: Kernel, dev: SimDevice, drv: DriverRecord): ProbeOutcome {
  if (dev.driver !== null) return { bound: false, stage: 'core', errno: 'EBUSY' };
  return reallyProbe(k, dev, drv);
}

/**
 * device_attach(): every driver of the bus in registration order; probe
 * failures are skipped, the first success wins. Returns 1 when bound, 0 when
 * nothing took it, or the error that stopped the walk.
 */
export function deviceAttach(k: Kernel, dev: SimDevice): 0 | 1 | Errno {
  if (dev.driver !== null) return 1;
  if (dev.bus === null) return 0;
  for (const drv of k.drivers(dev.bus)) {
    if (!busMatch(dev, drv)) continue;
    const outcome = reallyProbe(k, dev, drv);
    if (outcome.bound) return 1;
    if (outcome.stage === 'core') return outcome.errno === 'EPROBE_DEFER' ? 'EAGAIN' : outcome.errno;
  }
  return 0;
}

/** driver_attach(): every unbound device of the bus that the driver matches, errors ignored. */
export function driverAttach(k: Kernel, drv: DriverRecord): void {
  for (const dev of k.busDevices(drv.bus)) {
    if (dev.driver === null && k.findDevice(dev.id) && busMatch(dev, drv)) reallyProbe(k, dev, drv);
  }
}

/** driver_register(): into the bus's list, driver_attach when autoprobe is on, then the driver's `add` uevent. */
export function driverRegister(k: Kernel, drv: DriverRecord): void {
  k.addDriver(drv);
  if (k.bus(drv.bus)?.autoprobe) driverAttach(k, drv);
  k.emitObject('add', `/bus/${drv.bus}/drivers/${drv.name}`, 'drivers');
}

/**
 * __device_release_driver(): the driver's remove (which takes down what it
 * created), SR-IOV cleanup, then the `unbind` uevent without DRIVER or MODALIAS.
 */
export function releaseDriver(k: Kernel, dev: SimDevice): void {
  if (dev.driver === null || dev.bus === null) return;
  const drv = k.driver(dev.bus, dev.driver);
  if (drv) removeBehaviours({ k, dev, drv, core: CORE });
  for (const child of k.createdBy(dev.id).reverse()) deviceUnregister(k, child);
  // pci_iov_remove(): the driver's TotalVFs cap goes with it.
  if (dev.pci?.sriov) dev.pci.sriov.driverMaxVfs = null;
  k.setDriver(dev, null);
  k.emitDevice('unbind', dev);
}

/** device_unregister(): unbind, children, the `remove` uevent, out of the group and the tree. */
export function deviceUnregister(k: Kernel, dev: SimDevice): void {
  if (!k.findDevice(dev.id)) return;
  releaseDriver(k, dev);
  for (const child of childrenOf(k, dev).reverse()) deviceUnregister(k, child);
  k.emitDevice('remove', dev);
  iommuRelease(k, dev);
  for (const [ida, n] of dev.ids ?? []) k.ida(ida).free(n);
  k.remove(dev);
}

/** bind_store(): kernel-abi.md 1.4's table, in its order. */
export function bindStore(k: Kernel, drv: DriverRecord, text: string): Errno | null {
  const dev = findByName(k, drv.bus, text);
  if (!dev || !busMatch(dev, drv)) return 'ENODEV';
  const outcome = driverProbeDevice(k, dev, drv);
  if (outcome.bound) return null;
  return outcome.errno === 'EPROBE_DEFER' ? 'EAGAIN' : outcome.errno;
}

/** unbind_store(): ENODEV unless the device is bound to this very driver. */
export function unbindStore(k: Kernel, drv: DriverRecord, text: string): Errno | null {
  const dev = findByName(k, drv.bus, text);
  if (!dev || dev.driver !== drv.name) return 'ENODEV';
  releaseDriver(k, dev);
  return null;
}

/** drivers_probe_store(): ENODEV for an unknown name; success even when nothing binds; EINVAL for internal errors. */
export function driversProbeStore(k: Kernel, bus: string, text: string): Errno | null {
  const dev = findByName(k, bus, text);
  if (!dev) return 'ENODEV';
  const result = deviceAttach(k, dev);
  return typeof result === 'string' ? 'EINVAL' : null;
}

/** drivers_autoprobe_store(): only a first byte of `0` disables. */
export function driversAutoprobeStore(k: Kernel, bus: string, text: string): null {
  const record = k.bus(bus);
  if (record) record.autoprobe = text[0] !== '0';
  return null;
}

/** bus_find_device_by_name() with sysfs_streq(). */
export function findByName(k: Kernel, bus: string, text: string): SimDevice | undefined {
  const name = text.endsWith('\n') ? text.slice(0, -1) : text;
  const dev = k.busDevice(bus, name);
  return dev && sysfsStreq(dev.name, text) ? dev : undefined;
}

/** __device_set_driver_override(): PAGE_SIZE limit, strlen, cut at the first newline, `\n` or `` clears. */
export function setDriverOverride(dev: SimDevice, text: string, count: number): Errno | null {
  if (count >= 4096 - 1) return 'EINVAL';
  const nul = text.indexOf('\0');
  const value = nul < 0 ? text : text.slice(0, nul);
  if (value === '') {
    dev.override = null;
    return null;
  }
  const newline = value.indexOf('\n');
  const cut = newline < 0 ? value : value.slice(0, newline);
  dev.override = cut === '' ? null : cut;
  return null;
}

/** Everything below a device in /sys/devices, plus what its binding created elsewhere. */
function childrenOf(k: Kernel, dev: SimDevice): SimDevice[] {
  const children = [...k.directChildren(dev.id)];
  for (const cls of k.glueClasses(dev.id)) {
    for (const id of k.glueMembers(dev.id, cls)?.values() ?? []) children.push(k.device(id));
  }
  for (const created of k.createdBy(dev.id)) if (!children.includes(created)) children.push(created);
  return children.sort((a, b) => a.id - b.id);
}

/** The driver core as the behaviours (and sysfs stores that create devices) see it. */
export const CORE: CoreOps = {
  add: deviceAdd,
  register: deviceRegister,
  probeNew: busProbeDevice,
  unregister: deviceUnregister,
  release: releaseDriver,
  attach: deviceAttach,
  probe: driverProbeDevice,
  registerDriver: driverRegister,
  attachDriver: driverAttach,
};
