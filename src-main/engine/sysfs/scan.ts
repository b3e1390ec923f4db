// Reading a sysfs tree into a Snapshot (after pciutils lib/sysfs.c and
// systemd sd-device). The root is a parameter, so the same code reads the
// live machine (`/`), a captured tree and a simulated one.
import type { Bus, Device, Driver, HostInfo, Snapshot } from '../../../src-shared/model';
import type { IdDatabase } from '../ids/id-database';
import { readFlag } from './attribute-values';
import { readDevice } from './device';
import { type FoundDevice, findBuses, findDevices } from './discover';
import { DriverModules, readDrivers } from './drivers';
import { readIommuGroups } from './iommu-groups';
import { openTree } from './open-tree';
import { compareNatural, sortByBusAndName } from './order';
import { findParents } from './parents';
import { filesystemSource } from './sysfs-source';
import type { SysfsSource } from './sysfs-source';

export interface ScanOptions {
  /** Directory that contains `sys/` ('/' for the live machine). */
  readonly root: string;
  readonly host: HostInfo;
  /** Names for devices; when absent every name is null. */
  readonly ids?: IdDatabase;
  /** For takenAt; default new Date(). */
  readonly now?: () => Date;
  /** Where the tree is read from; default the real filesystem. */
  readonly source?: SysfsSource;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/**
 * Reads every bus, device, driver and IOMMU group under `<root>/sys`.
 * Vanished devices are skipped; other trouble is kept in `problems`. Throws a
 * BinderyFailure (SYSFS_UNREADABLE) only when `<root>/sys/bus` cannot be read.
 */
export function scanSysfs(options: ScanOptions): Snapshot {
  const takenAt = (options.now ?? (() => new Date()))().toISOString();
  const { tree, busEntries } = openTree(options.root, options.source ?? filesystemSource);
  const modules = new DriverModules(tree);
  const busNames = findBuses(tree, busEntries).sort(compareNatural);

  const found: FoundDevice[] = sortByBusAndName(busNames.flatMap((bus) => findDevices(tree, bus)));
  const read: { device: Device; dir: string }[] = [];
  for (const device of found) {
    const value = readDevice({ tree, modules, ids: options.ids }, device);
    if (value) read.push({ device: value, dir: device.dir });
  }
  const parents = findParents(tree, read.map(({ device, dir }) => ({ id: device.id, dir })));
  const devices: Device[] = read.map(({ device }) => ({ ...device, parent: parents.get(device.id) ?? null }));

  const namesByBus = new Map<string, Set<string>>(busNames.map((bus) => [bus, new Set<string>()]));
  for (const device of devices) namesByBus.get(device.bus)?.add(device.name);
  const drivers: Driver[] = busNames.flatMap((bus) => readDrivers(tree, modules, bus, namesByBus.get(bus) ?? new Set()));

  const deviceCounts = countBy(devices, (device) => device.bus);
  const driverCounts = countBy(drivers, (driver) => driver.bus);
  const buses: Bus[] = busNames.map((name) => ({
    name,
    driversAutoprobe: readFlag(tree, tree.path('sys/bus', name), 'drivers_autoprobe'),
    deviceCount: deviceCounts.get(name) ?? 0,
    driverCount: driverCounts.get(name) ?? 0,
  }));

  const idByDir = new Map(read.map(({ device, dir }) => [dir, device.id]));
  const rank = new Map(devices.map((device, index) => [device.id, index]));
  const iommuGroups = readIommuGroups(tree, idByDir, rank);

  return { host: options.host, takenAt, buses, devices, drivers, iommuGroups, problems: tree.problems.sorted() };
}
