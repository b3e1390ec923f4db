// Drivers of each bus (`sys/bus/<bus>/drivers/<drv>`) and the modules that
// provide them (the driver's `module` link; absent for built-in drivers).
import type { Driver } from '../../../src-shared/model';
import { compareNatural, deviceNameOrder } from './order';
import type { SysfsTree } from './sysfs-tree';

/** Module names by bus and driver, read once per driver. */
export class DriverModules {
  private readonly modules = new Map<string, string | null>();

  constructor(private readonly tree: SysfsTree) {}

  moduleOf(bus: string, driver: string): string | null {
    const key = `${bus}/${driver}`;
    let module = this.modules.get(key);
    if (module === undefined) {
      module = this.tree.linkName(this.tree.path('sys/bus', bus, 'drivers', driver), 'module');
      this.modules.set(key, module);
    }
    return module;
  }
}

/**
 * The drivers of one bus, by name, each with the devices bound to it: the
 * driver directory's device links, limited to devices of this snapshot.
 */
export function readDrivers(tree: SysfsTree, modules: DriverModules, bus: string, devices: ReadonlySet<string>): Driver[] {
  const driversDir = tree.path('sys/bus', bus, 'drivers');
  const order = deviceNameOrder(bus);
  return (tree.entries(driversDir) ?? [])
    .filter((entry) => entry.kind === 'dir')
    .map((entry) => entry.name)
    .sort(compareNatural)
    .map((name) => ({
      bus,
      name,
      module: modules.moduleOf(bus, name),
      devices: (tree.entries(tree.path('sys/bus', bus, 'drivers', name)) ?? [])
        .filter((entry) => entry.kind === 'link' && devices.has(entry.name))
        .map((entry) => entry.name)
        .sort(order),
    }));
}
