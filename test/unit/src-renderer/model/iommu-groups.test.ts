import { describe, expect, it } from 'vitest';
import { summarizeGroup } from '../../../../src-renderer/model/iommu-groups';
import type { Device } from '../../../../src-shared/model';
import { makeDevice, pciInfo } from './make-device';

const port = makeDevice({ name: '0000:00:01.0', driver: 'pcieport', pci: pciInfo({ isBridge: true }) });
const group = (...devices: Device[]) =>
  summarizeGroup({ id: 1, type: 'DMA', devices: devices.map((d) => d.id) }, new Map(devices.map((d) => [d.id, d])));

describe('summarizeGroup', () => {
  it('calls a group with one device not shared, and one with host drivers "host"', () => {
    const summary = group(makeDevice({ name: '0000:02:00.0', driver: 'nvme' }));
    expect(summary).toMatchObject({ shared: false, state: 'host' });
  });

  it('finds the audio function that keeps a GPU group from being viable', () => {
    const gpu = makeDevice({ name: '0000:01:00.0', driver: 'vfio-pci' });
    const audio = makeDevice({ name: '0000:01:00.1', driver: 'snd_hda_intel' });
    const summary = group(port, gpu, audio);
    expect(summary.shared).toBe(true);
    expect(summary.state).toBe('blocked');
    expect(summary.blockers.map((d) => d.name)).toEqual(['0000:01:00.1']);
  });

  it('is viable when every member is on VFIO, unbound, or on pcieport or pci-stub', () => {
    const gpu = makeDevice({ name: '0000:01:00.0', driver: 'vfio-pci' });
    const audio = makeDevice({ name: '0000:01:00.1' });
    const usb = makeDevice({ name: '0000:01:00.2', driver: 'pci-stub' });
    expect(group(port, gpu, audio, usb).state).toBe('viable');
  });

  it('keeps members the snapshot does not know, so the group size stays true', () => {
    const summary = summarizeGroup({ id: 3, type: null, devices: ['pci/0000:09:00.0'] }, new Map());
    expect(summary.members).toEqual([{ id: 'pci/0000:09:00.0', device: null }]);
  });
});
