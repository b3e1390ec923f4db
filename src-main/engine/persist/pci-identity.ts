// A PCI device as the privileged side sees it before acting on a persisted
// choice: is it there, is it the same card (vendor, device and subsystem IDs),
// what override and driver it has. Reads go through the same guards as writes.
import { readAttribute, readLinkName } from '../ops/sysfs-read';
import { realInsideOrNull } from '../ops/sysfs-guard';
import type { PciIds } from './persisted-schema';

const ID_FILES: { readonly [K in keyof PciIds]: string } = {
  vendor: 'vendor',
  device: 'device',
  subsystemVendor: 'subsystem_vendor',
  subsystemDevice: 'subsystem_device',
};

function devicePath(address: string, attribute: string): string {
  return `/sys/bus/pci/devices/${address}/${attribute}`;
}

/** The card's IDs, or null when there is no device at `address`. */
export function readPciIds(root: string, sys: string, address: string): PciIds | null {
  const read = (attribute: string): string | null => readAttribute(root, sys, devicePath(address, attribute))?.trim() ?? null;
  const vendor = read(ID_FILES.vendor);
  const device = read(ID_FILES.device);
  const subsystemVendor = read(ID_FILES.subsystemVendor);
  const subsystemDevice = read(ID_FILES.subsystemDevice);
  if (vendor === null || device === null || subsystemVendor === null || subsystemDevice === null) return null;
  return { vendor, device, subsystemVendor, subsystemDevice };
}

export function sameIds(a: PciIds, b: PciIds): boolean {
  return a.vendor === b.vendor && a.device === b.device && a.subsystemVendor === b.subsystemVendor && a.subsystemDevice === b.subsystemDevice;
}

export function describeIds(ids: PciIds): string {
  return `${ids.vendor}:${ids.device} (subsystem ${ids.subsystemVendor}:${ids.subsystemDevice})`;
}

/** The override, or null when unset (sysfs reads `(null)`, kernel-abi.md 1.6) or the device has none. */
export function readOverride(root: string, sys: string, address: string): string | null {
  const value = readAttribute(root, sys, devicePath(address, 'driver_override'))?.trim() ?? null;
  return value === null || value === '' || value === '(null)' ? null : value;
}

export function boundDriver(root: string, sys: string, address: string): string | null {
  return readLinkName(root, sys, devicePath(address, 'driver'));
}

/** Whether `driver` is registered on the PCI bus now. */
export function pciDriverExists(root: string, sys: string, driver: string): boolean {
  return realInsideOrNull(root, sys, `/sys/bus/pci/drivers/${driver}`) !== null;
}
