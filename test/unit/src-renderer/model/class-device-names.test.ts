import { describe, expect, it } from 'vitest';
import { rowClassNames } from '../../../../src-renderer/model/class-device-names';
import { makeDevice } from './make-device';

const withClasses = (...pairs: [string, string][]) =>
  makeDevice({ name: 'x', classDevices: pairs.map(([subsystem, name]) => ({ subsystem, name })) });

describe('rowClassNames', () => {
  it('shows network interfaces and disks, not partitions', () => {
    const nvme = withClasses(['block', 'nvme0n1'], ['block', 'nvme0n1p1'], ['nvme', 'nvme0']);
    expect(rowClassNames(nvme)).toEqual(['nvme0n1', 'nvme0']);
    expect(rowClassNames(withClasses(['net', 'enp3s0'], ['ptp', 'ptp0']))).toEqual(['enp3s0']);
  });

  it('shows a GPU as its DRM card, without connectors or render nodes', () => {
    const gpu = withClasses(['drm', 'card0'], ['drm', 'card0-HDMI-A-1'], ['drm', 'renderD128']);
    expect(rowClassNames(gpu)).toEqual(['card0']);
  });

  it('leaves out the bus a bridge opens and classes nobody types', () => {
    expect(rowClassNames(withClasses(['pci_bus', '0000:01'], ['sound', 'controlC1'], ['input', 'event3']))).toEqual([]);
  });
});
