import { describe, expect, it } from 'vitest';
import { hostOverview } from '../../../../src-renderer/model/host-overview';
import type { Device, Snapshot } from '../../../../src-shared/model';
import { makeDevice, pciInfo } from './make-device';

function snapshot(devices: Device[], groups: string[][] = []): Snapshot {
  return {
    host: { id: 'local', kind: 'linux', label: 'This computer', root: '/', kernelRelease: null, readOnly: false },
    takenAt: '2025-01-01T00:00:00Z',
    buses: [],
    devices,
    drivers: [],
    iommuGroups: groups.map((members, id) => ({ id, type: 'DMA', devices: members.map((n) => `pci/${n}`) })),
    problems: [],
  };
}

const hostBridge = makeDevice({ name: '0000:00:00.0', pci: pciInfo({ class: '0x060000' }) });
const gpu = makeDevice({ name: '0000:01:00.0', driver: 'vfio-pci', pci: pciInfo({ class: '0x030000' }) });
const audio = makeDevice({ name: '0000:01:00.1', pci: pciInfo({ class: '0x040300' }) });
const mouse = makeDevice({ bus: 'usb', name: '1-1', driver: 'usb' });

describe('hostOverview', () => {
  const overview = hostOverview(snapshot([hostBridge, gpu, audio, mouse], [['0000:00:00.0'], ['0000:01:00.0', '0000:01:00.1']]));

  it('counts devices per bus, PCI first', () => {
    expect(overview.buses).toEqual([{ bus: 'pci', count: 3 }, { bus: 'usb', count: 1 }]);
  });

  it('finds the GPUs, the devices on VFIO, and the PCI functions nobody drives (bridges aside)', () => {
    expect(overview.displays.map((d) => d.name)).toEqual(['0000:01:00.0']);
    expect(overview.onVfio.map((d) => d.name)).toEqual(['0000:01:00.0']);
    expect(overview.unboundPci.map((d) => d.name)).toEqual(['0000:01:00.1']);
  });

  it('counts IOMMU groups and the shared ones', () => {
    expect(overview).toMatchObject({ groups: 2, sharedGroups: 1 });
  });
});
