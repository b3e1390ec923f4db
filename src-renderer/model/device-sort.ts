// Column sorting of the flat device list. "Address" orders buses as the tree
// does and keeps each bus's natural order from the snapshot, which no string
// compare reproduces (0000:00:1f.0 before 0000:01:00.0, usb2 before 2-1).
import type { Device } from '../../src-shared/model';
import { className, compareBuses, deviceTitle } from './device-labels';
import { compareNullable } from './natural-order';

export type SortColumn = 'address' | 'description' | 'class' | 'driver' | 'group';
export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

const KEYS: Readonly<Record<Exclude<SortColumn, 'address'>, (device: Device) => string | null>> = {
  description: deviceTitle,
  class: className,
  driver: (device) => device.driver,
  // Zero-padded so that group 9 sorts before group 10 under any compare.
  group: (device) => (device.iommuGroup === null ? null : String(device.iommuGroup).padStart(6, '0')),
};

export function sortDevices(devices: readonly Device[], order: SortOrder): readonly Device[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  if (order.column === 'address') {
    const byBus = [...devices].sort((a, b) => compareBuses(a.bus, b.bus));
    return sign === 1 ? byBus : byBus.reverse();
  }
  const key = KEYS[order.column];
  const keyed = devices.map((device, index) => ({ device, index, key: key(device) }));
  keyed.sort((a, b) => {
    // Devices without a value stay last in both directions; ties keep the snapshot's order.
    const byKey = a.key === null || b.key === null ? compareNullable(a.key, b.key) : sign * compareNullable(a.key, b.key);
    return byKey || a.index - b.index;
  });
  return keyed.map((entry) => entry.device);
}
