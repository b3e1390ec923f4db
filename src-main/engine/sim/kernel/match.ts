// bus->match() of each bus (kernel-abi.md 1.6, 9.3): whether a driver claims
// a device. Static ID tables are the driver's modalias patterns, matched the
// way kmod matches them (the project's kmod matcher), cached per driver.
import { kmodMatch } from '../../alias/kmod-match';
import { aliasNormalize } from '../../alias/normalize';
import { busType } from './buses';
import { modaliasOf, pciModalias } from './modalias';
import type { DriverRecord, PciDynId, PciIds, SimDevice } from './state';

const PCI_ANY_ID = 0xffffffff;

interface Compiled {
  /** Normalised patterns by their prefix before `:` (`pci`, `vfio_pci`, `virtio`...). */
  readonly byPrefix: Map<string, string[]>;
  readonly results: Map<string, boolean>;
}

const compiled = new WeakMap<DriverRecord, Compiled>();

function compile(driver: DriverRecord): Compiled {
  let table = compiled.get(driver);
  if (!table) {
    table = { byPrefix: new Map(), results: new Map() };
    for (const pattern of driver.patterns) {
      const normalized = aliasNormalize(pattern);
      if (normalized === null) continue;
      const prefix = normalized.slice(0, normalized.indexOf(':'));
      const list = table.byPrefix.get(prefix);
      if (list) list.push(normalized);
      else table.byPrefix.set(prefix, [normalized]);
    }
    compiled.set(driver, table);
  }
  return table;
}

/** Whether an entry of the driver's static table matches this modalias (or `vfio_pci:` key). */
export function tableMatches(driver: DriverRecord, modalias: string): boolean {
  const table = compile(driver);
  let result = table.results.get(modalias);
  if (result === undefined) {
    const key = aliasNormalize(modalias) ?? modalias;
    const patterns = table.byPrefix.get(key.slice(0, key.indexOf(':'))) ?? [];
    result = patterns.some((pattern) => kmodMatch(pattern, key));
    table.results.set(modalias, result);
  }
  return result;
}

export function hasStaticTable(driver: DriverRecord): boolean {
  return driver.patterns.length > 0;
}

/**
 * device_match_driver_override(): 1 when the override names this driver,
 * 0 when it names another, -1 when none is set.
 */
export function overrideResult(dev: SimDevice, driver: DriverRecord): number {
  if (dev.override === null) return -1;
  return dev.override === driver.name ? 1 : 0;
}

/** pci_match_one_id() for a dynamic ID; the device fields are 16-bit. */
export function dynidMatches(id: PciDynId, ids: PciIds): boolean {
  const field = (want: number, have: number): boolean => want === PCI_ANY_ID || want === have;
  return field(id.vendor, ids.vendor) && field(id.device, ids.device)
    && field(id.subvendor, ids.subsystemVendor) && field(id.subdevice, ids.subsystemDevice)
    && ((id.classCode ^ ids.classCode) & id.classMask) === 0;
}

/** pci_match_device() without an override: dynamic IDs first, then the static table, override_only skipped. */
export function pciIdsMatch(driver: DriverRecord, ids: PciIds): boolean {
  if (driver.dynids.some((id) => dynidMatches(id, ids))) return true;
  return tableMatches(driver, pciModalias(ids));
}

/** bus->match(dev, drv): positive when the driver claims the device. */
export function busMatch(dev: SimDevice, driver: DriverRecord): boolean {
  if (dev.bus !== driver.bus) return false;
  const override = busType(driver.bus).override ? overrideResult(dev, driver) : -1;
  switch (busType(driver.bus).match) {
    case 'pci':
      // An override naming the driver forces a match (the all-ANY dummy id);
      // override_only (`vfio_pci:`) entries need that override anyway.
      if (override >= 0) return override > 0;
      return dev.pci !== undefined && pciIdsMatch(driver, dev.pci.hw.ids);
    case 'platform': {
      if (override >= 0) return override > 0;
      const modalias = modaliasOf(dev);
      return (modalias !== null && tableMatches(driver, modalias)) || dev.platform?.name === driver.name;
    }
    case 'override-or-all':
      return override >= 0 ? override > 0 : true;
    case 'id-table': {
      const modalias = modaliasOf(dev);
      return modalias !== null && tableMatches(driver, modalias);
    }
    case 'never':
      return false;
    case 'all':
      return true;
  }
}
