// From a module to the name of the driver it registers, which is what
// `driver_override` and `bind` need (kernel-abi.md 1.6, 2.5): the running
// kernel says it in /sys/module/<m>/drivers/<bus>:<driver>; for modules that
// are not loaded, a table of names known to differ, else the module name.
import path from 'node:path';
import { filesystemSource } from '../sysfs/sysfs-source';
import type { SysfsSource } from '../sysfs/sysfs-source';

export type DriverNameSource = 'sysfs' | 'known' | 'module-name';

export interface ModuleDriver {
  readonly driver: string;
  readonly source: DriverNameSource;
  /** `<root>/sys/module/<module>` exists. */
  readonly loaded: boolean;
}

/**
 * Driver names of modules, from kernel-abi.md 1.6 and 3.6 and the virtio-pci
 * uevent in 2.1. Equal names are listed too: knowing beats guessing.
 */
const KNOWN_DRIVER_NAMES: ReadonlyMap<string, string> = new Map([
  ['vfio_pci', 'vfio-pci'],
  ['pci_stub', 'pci-stub'],
  ['virtio_pci', 'virtio-pci'],
  ['snd_hda_intel', 'snd_hda_intel'],
  ['mlx5_vfio_pci', 'mlx5_vfio_pci'],
  ['pds_vfio_pci', 'pds_vfio_pci'],
  ['virtio_vfio_pci', 'virtio_vfio_pci'],
  ['hisi_acc_vfio_pci', 'hisi_acc_vfio_pci'],
  ['nvgrace_gpu_vfio_pci', 'nvgrace_gpu_vfio_pci'],
  ['qat_vfio_pci', 'qat_vfio_pci'],
  ['vhost_vdpa', 'vhost_vdpa'],
  ['virtio_vdpa', 'virtio_vdpa'],
  ['vfio_platform', 'vfio-platform'],
  ['vfio_amba', 'vfio-amba'],
  ['vfio_fsl_mc', 'vfio-fsl-mc'],
  ['vfio_cdx', 'vfio-cdx'],
  // Host drivers whose name is not their module's (the driver's .name in the kernel source).
  ['xhci_pci', 'xhci_hcd'],
  ['ehci_pci', 'ehci-pci'],
  ['ohci_pci', 'ohci-pci'],
  ['bochs', 'bochs-drm'],
  ['8250_pci', 'serial'],
  ['intel_agp', 'agpgart-intel'],
  ['sis_agp', 'agpgart-sis'],
  ['via_agp', 'agpgart-via'],
  ['shpchp', 'shpchp'],
]);

/** The driver name of a module from the table above, or null when it is not listed. */
export function knownDriverName(module: string): string | null {
  return KNOWN_DRIVER_NAMES.get(module) ?? null;
}

/** Driver names compare equal when they differ only in `-` versus `_`. */
export function sameDriverName(a: string, b: string): boolean {
  return a.replaceAll('-', '_') === b.replaceAll('-', '_');
}

/**
 * `bus`: the bus the device is on. `hint`: a likely driver name (e.g. the
 * auxiliary ID the alias names), used when the module has several drivers there.
 */
export function moduleDriver(
  root: string, module: string, bus: string, hint: string | null, source: SysfsSource = filesystemSource,
): ModuleDriver {
  const moduleDir = path.join(root, 'sys', 'module', module);
  // A module name from a file is data: never let it walk the tree.
  const safe = /^[\w-][\w.-]*$/.test(module);
  const registered = safe ? driversOf(source, moduleDir) : null;
  const loaded = registered !== null || (safe && isDirectory(source, moduleDir));
  const fromSysfs = registered ? pickDriver(registered, bus, hint) : null;
  if (fromSysfs) return { driver: fromSysfs, source: 'sysfs', loaded };
  const known = KNOWN_DRIVER_NAMES.get(module);
  if (known) return { driver: known, source: 'known', loaded };
  return { driver: module, source: 'module-name', loaded };
}

/** The `<bus>:<driver>` entries of a loaded module, or null when it has no drivers directory. */
function driversOf(source: SysfsSource, moduleDir: string): string[] | null {
  try {
    return source.list(path.join(moduleDir, 'drivers')).map((entry) => entry.name);
  } catch {
    return null;
  }
}

function isDirectory(source: SysfsSource, dir: string): boolean {
  try {
    return source.isDirectory(dir);
  } catch {
    return false;
  }
}

function pickDriver(entries: readonly string[], bus: string, hint: string | null): string | null {
  const split = entries
    .map((entry) => ({ bus: entry.slice(0, entry.indexOf(':')), driver: entry.slice(entry.indexOf(':') + 1) }))
    .filter((entry) => entry.bus.length > 0 && entry.driver.length > 0);
  const onBus = split.filter((entry) => entry.bus === bus).map((entry) => entry.driver).sort();
  const hinted = hint === null ? undefined : onBus.find((driver) => sameDriverName(driver, hint));
  if (hinted) return hinted;
  if (onBus.length > 0) return onBus[0] ?? null;
  // A module with a single driver on another bus than guessed (an of: alias of an i2c driver).
  return split.length === 1 ? (split[0]?.driver ?? null) : null;
}
