// What a person checks first on a host before picking a device: which buses
// it has, which devices are already on VFIO, which PCI devices have no
// driver, where the GPUs are, and whether the IOMMU is on.
import type { Device, Snapshot } from '../../src-shared/model';
import { compareBuses, pciClassCode } from './device-labels';
import { isVfioDriver } from '../../src-shared/driver-kinds';

export interface HostOverview {
  readonly buses: readonly { readonly bus: string; readonly count: number }[];
  readonly displays: readonly Device[];
  readonly onVfio: readonly Device[];
  /** PCI functions without a driver, bridges aside (host bridges rarely have one). */
  readonly unboundPci: readonly Device[];
  readonly groups: number;
  readonly sharedGroups: number;
}

const isClass = (device: Device, prefix: string) => pciClassCode(device)?.code.startsWith(prefix) ?? false;

export function hostOverview(snapshot: Snapshot): HostOverview {
  const counts = new Map<string, number>();
  for (const device of snapshot.devices) counts.set(device.bus, (counts.get(device.bus) ?? 0) + 1);
  const pci = snapshot.devices.filter((device) => device.pci);
  return {
    buses: [...counts].sort(([a], [b]) => compareBuses(a, b)).map(([bus, count]) => ({ bus, count })),
    displays: pci.filter((device) => isClass(device, '03')),
    onVfio: snapshot.devices.filter((device) => device.driver !== null && isVfioDriver(device.driver)),
    unboundPci: pci.filter((device) => device.driver === null && !device.pci?.isBridge && !isClass(device, '06')),
    groups: snapshot.iommuGroups.length,
    sharedGroups: snapshot.iommuGroups.filter((group) => group.devices.length > 1).length,
  };
}
