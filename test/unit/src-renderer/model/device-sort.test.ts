import { describe, expect, it } from 'vitest';
import { sortDevices } from '../../../../src-renderer/model/device-sort';
import { makeDevice } from './make-device';

const a = makeDevice({ name: '0000:00:02.0', driver: 'i915', iommuGroup: 10 });
const b = makeDevice({ name: '0000:00:14.0', driver: 'xhci_hcd', iommuGroup: 9 });
const c = makeDevice({ name: '0000:01:00.0', iommuGroup: null });
const devices = [a, b, c];
const order = (column: Parameters<typeof sortDevices>[1]['column'], direction: 'ascending' | 'descending' = 'ascending') =>
  sortDevices(devices, { column, direction }).map((d) => d.name);

describe('sortDevices', () => {
  it('keeps the snapshot order for addresses, and reverses it', () => {
    expect(order('address')).toEqual(['0000:00:02.0', '0000:00:14.0', '0000:01:00.0']);
    expect(order('address', 'descending')).toEqual(['0000:01:00.0', '0000:00:14.0', '0000:00:02.0']);
  });

  it('puts PCI devices first by address, as the tree does', () => {
    const aux = makeDevice({ bus: 'auxiliary', name: 'mlx5_core.eth.0' });
    expect(sortDevices([aux, a], { column: 'address', direction: 'ascending' }).map((d) => d.bus)).toEqual(['pci', 'auxiliary']);
  });

  it('sorts IOMMU groups as numbers and keeps devices without one last both ways', () => {
    expect(order('group')).toEqual(['0000:00:14.0', '0000:00:02.0', '0000:01:00.0']);
    expect(order('group', 'descending')).toEqual(['0000:00:02.0', '0000:00:14.0', '0000:01:00.0']);
  });

  it('keeps unbound devices after bound ones when sorting by driver', () => {
    expect(order('driver', 'descending')).toEqual(['0000:00:14.0', '0000:00:02.0', '0000:01:00.0']);
  });
});
