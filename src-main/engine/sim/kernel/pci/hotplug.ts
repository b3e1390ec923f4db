// PCI enumeration, hot-removal and rescan (kernel-abi.md 3.2, 3.4):
// functions are added under their bridge (or the root bus device) with an
// `add` uevent, then attached without regard to drivers_autoprobe; `remove`
// stops a subtree (unbind, children first) and then removes it; a rescan
// finds removed hardware again, but never VFs.
import type { Errno } from '../../errno';
import type { CoreOps } from '../behaviours/context';
import type { Kernel } from '../kernel';
import { kstrtoul } from '../parse';
import type { PciHardware, PciState, SimDevice } from '../state';
import { busName, pciName, rootBusName } from './address';
import { disableSriov, initialSriov } from './sriov';

export function newPciState(hw: PciHardware): PciState {
  return {
    hw, resetMethods: [...hw.resetMethods], enableCount: 0, numaNode: -1, sriov: initialSriov(hw), physfn: null, vfIndex: null,
  };
}

/** The device a function on (domain, bus) hangs under: the bridge to that bus, or the root bus device. */
export function pciParent(k: Kernel, domain: number, bus: number): SimDevice | undefined {
  const root = k.directChild(null, rootBusName(domain, bus));
  if (root) return root;
  for (const dev of k.busDevices('pci')) {
    const hw = dev.pci?.hw;
    if (hw?.bridge && hw.domain === domain && hw.bridge.secondary === bus) return dev;
  }
  return undefined;
}

/** The root bus device `pci%04x:%02x` and its `pci_bus` class device. */
export function addRootBus(k: Kernel, core: CoreOps, domain: number, bus: number): SimDevice {
  const root = core.add(k, { name: rootBusName(domain, bus), parent: null, bus: null, cls: null, createdBy: null, devnode: null });
  core.add(k, { name: busName(domain, bus), parent: root.id, bus: null, cls: 'pci_bus', createdBy: null, devnode: null });
  return root;
}

/** pci_device_add(): the function with its `add` uevent (no driver yet); a bridge brings its child bus. */
export function addPciFunction(k: Kernel, core: CoreOps, hw: PciHardware, parent: SimDevice): SimDevice {
  const dev = core.add(k, {
    name: pciName(hw.domain, hw.bus, hw.devfn), parent: parent.id, bus: 'pci', cls: null, createdBy: null, devnode: null,
    pci: newPciState(hw),
  });
  if (hw.bridge) {
    core.add(k, { name: busName(hw.domain, hw.bridge.secondary), parent: dev.id, bus: null, cls: 'pci_bus', createdBy: null, devnode: null });
  }
  return dev;
}

function pciChildren(k: Kernel, dev: SimDevice): SimDevice[] {
  return k.directChildren(dev.id).filter((child) => child.bus === 'pci');
}

/** pci_stop_bus_device(): children in reverse order, then the device's own driver. */
function stop(k: Kernel, core: CoreOps, dev: SimDevice): void {
  for (const child of pciChildren(k, dev).reverse()) stop(k, core, child);
  if (k.findDevice(dev.id)) core.release(k, dev);
}

/** pci_remove_bus_device(): children first, then the device; its hardware waits for a rescan. */
function removeTree(k: Kernel, core: CoreOps, dev: SimDevice): void {
  for (const child of pciChildren(k, dev)) removeTree(k, core, child);
  if (!k.findDevice(dev.id)) return;
  // A PF driver that left SR-IOV enabled: its VFs go with the PF.
  if (dev.pci?.sriov?.numVfs) disableSriov(k, core, dev);
  const hw = dev.pci?.hw;
  core.unregister(k, dev);
  if (hw && dev.pci?.physfn === null) k.removedPci.push(hw);
}

/** `remove`: non-zero hot-removes the device and everything below it; 0 does nothing. */
export function pciRemoveStore(k: Kernel, core: CoreOps, dev: SimDevice, text: string): Errno | null {
  const value = kstrtoul(text);
  if ('errno' in value) return 'EINVAL';
  if (value.value === 0n) return null;
  stop(k, core, dev);
  removeTree(k, core, dev);
  return null;
}

const byAddress = (a: PciHardware, b: PciHardware): number => a.domain - b.domain || a.bus - b.bus || a.devfn - b.devfn;

/**
 * pci_rescan_bus(): removed functions come back, bus by bus (a returning
 * bridge brings its subtree), all added first and then attached in order.
 * `scope`: the (domain, bus) a device's or bus's `rescan` covers; null for all.
 */
export function rescan(k: Kernel, core: CoreOps, scope: { domain: number; bus: number } | null): void {
  const buses = scope ? new Set([`${scope.domain}:${scope.bus}`]) : null;
  const added: SimDevice[] = [];
  for (let progress = true; progress;) {
    progress = false;
    for (const hw of [...k.removedPci].sort(byAddress)) {
      if (buses && !buses.has(`${hw.domain}:${hw.bus}`)) continue;
      const parent = pciParent(k, hw.domain, hw.bus);
      if (!parent) continue;
      k.removedPci.splice(k.removedPci.indexOf(hw), 1);
      added.push(addPciFunction(k, core, hw, parent));
      if (hw.bridge && buses) {
        for (let bus = hw.bridge.secondary; bus <= hw.bridge.subordinate; bus += 1) buses.add(`${hw.domain}:${bus}`);
      }
      progress = true;
    }
  }
  for (const dev of added) if (k.findDevice(dev.id)) core.attach(k, dev);
}

/** `rescan` (bus-wide, per device, or per pci_bus): non-zero rescans; kstrtoul rules. */
export function rescanStore(k: Kernel, core: CoreOps, text: string, scope: { domain: number; bus: number } | null): Errno | null {
  const value = kstrtoul(text);
  if ('errno' in value) return 'EINVAL';
  if (value.value !== 0n) rescan(k, core, scope);
  return null;
}
