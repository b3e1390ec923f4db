// Finding buses and their devices: `sys/bus/<bus>/devices/<name>` links,
// resolved to the device's real directory under `sys/devices`.
import type { SourceEntry } from './sysfs-source';
import type { SysfsTree } from './sysfs-tree';

export interface FoundDevice {
  readonly bus: string;
  readonly name: string;
  /** The real directory, absolute. */
  readonly dir: string;
}

/** Every bus with a `devices/` directory, by name. */
export function findBuses(tree: SysfsTree, busEntries: readonly SourceEntry[]): string[] {
  return busEntries
    .filter((entry) => !entry.name.startsWith('.') && tree.entries(tree.path('sys/bus', entry.name, 'devices')) !== null)
    .map((entry) => entry.name);
}

/** One device link, resolved; null when it vanished (silently) or is unusable (a problem). */
function resolveDevice(tree: SysfsTree, bus: string, name: string): FoundDevice | null {
  const link = tree.path('sys/bus', bus, 'devices', name);
  const target = tree.resolve(link);
  if (target.state !== 'ok') return null;
  try {
    if (!tree.isDirectory(target.value)) {
      tree.report(link, 'ENOTDIR', `Leads to ${tree.display(target.value)}, which is not a device directory`);
      return null;
    }
  } catch {
    // Vanished between the two calls.
    return null;
  }
  return { bus, name, dir: target.value };
}

export function findDevices(tree: SysfsTree, bus: string): FoundDevice[] {
  const entries = tree.entries(tree.path('sys/bus', bus, 'devices')) ?? [];
  const found: FoundDevice[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const device = resolveDevice(tree, bus, entry.name);
    if (device) found.push(device);
  }
  return found;
}
