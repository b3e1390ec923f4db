// What a user sees of the workstation fixture (test/fixtures/README.md):
// every bus, device, driver and IOMMU group, with the relations that matter
// for passthrough.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Device, HostInfo, Snapshot } from '../../../../../src-shared/model';
import { openIdDatabase } from '../../../../../src-main/engine/ids/id-database';
import { scanSysfs } from '../../../../../src-main/engine/sysfs/scan';

const ROOT = 'test/fixtures/sysfs/workstation';
const HOST: HostInfo = {
  id: 'tree:workstation', kind: 'linux', label: 'Captured tree', root: path.resolve(ROOT), kernelRelease: null, readOnly: true,
};
const NOW = new Date('2025-01-02T03:04:05.000Z');
const MDEV = '83b8f4f2-509f-382f-3c1e-e6bfe0fa1001';

const snapshot: Snapshot = scanSysfs({ root: ROOT, host: HOST, ids: openIdDatabase(['/usr/share/hwdata']), now: () => NOW });

function device(id: string): Device {
  const found = snapshot.devices.find((d) => d.id === id);
  if (!found) throw new Error(`no device ${id}`);
  return found;
}

const classDevices = (id: string): string[] => device(id).classDevices.map((c) => `${c.subsystem}/${c.name}`);

describe('scanning the workstation tree', () => {
  it('copies the host, stamps the time and finds nothing wrong', () => {
    expect(snapshot.host).toEqual(HOST);
    expect(snapshot.takenAt).toBe('2025-01-02T03:04:05.000Z');
    expect(snapshot.problems).toEqual([]);
  });

  it('lists every bus that has devices/, by name, with its counts', () => {
    expect(snapshot.buses).toEqual([
      { name: 'auxiliary', driversAutoprobe: true, deviceCount: 2, driverCount: 1 },
      { name: 'hid', driversAutoprobe: true, deviceCount: 1, driverCount: 1 },
      { name: 'mdev', driversAutoprobe: true, deviceCount: 1, driverCount: 1 },
      { name: 'pci', driversAutoprobe: true, deviceCount: 15, driverCount: 11 },
      { name: 'platform', driversAutoprobe: true, deviceCount: 2, driverCount: 2 },
      { name: 'usb', driversAutoprobe: true, deviceCount: 4, driverCount: 3 },
      { name: 'virtio', driversAutoprobe: true, deviceCount: 1, driverCount: 1 },
    ]);
  });

  it('orders devices by bus, PCI numerically, the rest in natural order', () => {
    expect(snapshot.devices.map((d) => d.id)).toEqual([
      'auxiliary/mlx5_core.eth.0', 'auxiliary/mlx5_core.rdma.0',
      'hid/0003:046D:C31C.0001',
      `mdev/${MDEV}`,
      'pci/0000:00:00.0', 'pci/0000:00:01.0', 'pci/0000:00:02.0', 'pci/0000:00:03.0', 'pci/0000:00:14.0',
      'pci/0000:00:1b.0', 'pci/0000:00:1c.0', 'pci/0000:00:1d.0', 'pci/0000:01:00.0', 'pci/0000:01:00.1',
      'pci/0000:02:00.0', 'pci/0000:03:00.0', 'pci/0000:04:00.0', 'pci/0000:04:00.2', 'pci/0000:04:00.3',
      'platform/pcspkr', 'platform/serial8250',
      'usb/1-0:1.0', 'usb/1-1', 'usb/1-1:1.0', 'usb/usb1',
      'virtio/virtio0',
    ]);
  });

  it('shows the discrete GPU and its audio function bound to their drivers, in one IOMMU group with the port', () => {
    const gpu = device('pci/0000:01:00.0');
    const audio = device('pci/0000:01:00.1');
    expect(gpu).toMatchObject({
      sysfsPath: '/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0',
      parent: 'pci/0000:00:01.0',
      driver: 'nouveau',
      driverModule: 'nouveau',
      driverOverride: null,
      supportsOverride: true,
      iommuGroup: 1,
      modalias: 'pci:v000010DEd00001F08sv00001462sd00003754bc03sc00i00',
    });
    expect(gpu.pci).toMatchObject({
      vendor: '0x10de', device: '0x1f08', subsystemVendor: '0x1462', subsystemDevice: '0x3754',
      class: '0x030000', revision: '0xa1', bootVga: false, resetMethods: ['bus'], isBridge: false,
    });
    expect(gpu.names).toMatchObject({ vendor: 'NVIDIA Corporation', device: 'TU106 [GeForce RTX 2060 Rev. A]', class: 'VGA compatible controller' });
    expect(classDevices('pci/0000:01:00.0')).toEqual(['drm/card1', 'drm/renderD129']);
    expect(audio).toMatchObject({ driver: 'snd_hda_intel', driverModule: 'snd_hda_intel', iommuGroup: 1 });
    expect(classDevices('pci/0000:01:00.1')).toEqual(['sound/card1', 'sound/controlC1']);
    expect(snapshot.iommuGroups[1]).toEqual({
      id: 1, type: 'DMA-FQ', devices: ['pci/0000:00:01.0', 'pci/0000:01:00.0', 'pci/0000:01:00.1'],
    });
  });

  it('marks the iGPU as the boot VGA device and shows its mdev type and the vGPU made from it', () => {
    const igpu = device('pci/0000:00:02.0');
    expect(igpu.pci?.bootVga).toBe(true);
    expect(igpu.pci?.mdevTypes).toEqual([{
      id: 'i915-GVTg_V5_4',
      name: 'GVTg_V5_4',
      description: 'low_gm_size: 128MB\nhigh_gm_size: 512MB\nfence: 4\nresolution: 1920x1200\nweight: 4',
      deviceApi: 'vfio-pci',
      availableInstances: 1,
      devices: [MDEV],
    }]);
    expect(classDevices('pci/0000:00:02.0')).toEqual(['drm/card0', 'drm/card0-HDMI-A-1', 'drm/renderD128']);
    expect(device(`mdev/${MDEV}`)).toMatchObject({
      parent: 'pci/0000:00:02.0', driver: 'intel_vgpu_mdev', driverModule: 'kvmgt',
      modalias: null, supportsOverride: false, pci: null, usb: null,
    });
  });

  it('finds class devices at any depth, partitions included, and skips attribute directories', () => {
    expect(classDevices('pci/0000:02:00.0')).toEqual(['block/nvme0n1', 'block/nvme0n1p1', 'nvme/nvme0']);
    expect(device('pci/0000:02:00.0').names.progIf).toBe('NVM Express');
    expect(classDevices('pci/0000:03:00.0')).toEqual(['net/enp3s0', 'ptp/ptp0']);
  });

  it('leaves class devices of child bus devices to them', () => {
    expect(classDevices('pci/0000:00:03.0')).toEqual([]);
    expect(classDevices('virtio/virtio0')).toEqual(['net/enp0s3']);
    expect(device('virtio/virtio0')).toMatchObject({
      parent: 'pci/0000:00:03.0', driver: 'virtio_net', modalias: 'virtio:d00000001v00001AF4', supportsOverride: false,
    });
    expect(classDevices('pci/0000:00:14.0')).toEqual([]);
    expect(classDevices('hid/0003:046D:C31C.0001')).toEqual(['input/event3', 'input/input5']);
  });

  it('shows the SR-IOV PF with its VFs, which are its siblings under the root port', () => {
    const pf = device('pci/0000:04:00.0');
    expect(pf.pci?.sriov).toEqual({
      totalVfs: 8, numVfs: 2, offset: 2, stride: 1, vfDevice: '1018', driversAutoprobe: true,
      vfs: ['0000:04:00.2', '0000:04:00.3'],
    });
    expect(pf.parent).toBe('pci/0000:00:1d.0');
    for (const vf of ['pci/0000:04:00.2', 'pci/0000:04:00.3']) {
      expect(device(vf).parent).toBe('pci/0000:00:1d.0');
      expect(device(vf).pci).toMatchObject({ physfn: '0000:04:00.0', sriov: null, device: '0x1018' });
    }
    expect(device('pci/0000:04:00.2')).toMatchObject({ driver: 'mlx5_core', driverOverride: null, iommuGroup: 11 });
    expect(device('pci/0000:04:00.3')).toMatchObject({
      driver: 'vfio-pci', driverModule: 'vfio_pci', driverOverride: 'vfio-pci', iommuGroup: 12,
    });
    expect(classDevices('pci/0000:04:00.3')).toEqual(['vfio-dev/vfio0']);
  });

  it('reads auxiliary devices, whose modalias is only in uevent', () => {
    expect(device('auxiliary/mlx5_core.eth.0')).toMatchObject({
      parent: 'pci/0000:04:00.0', modalias: 'auxiliary:mlx5_core.eth', driver: 'mlx5_core.eth',
      driverModule: 'mlx5_core', supportsOverride: false,
    });
    expect(device('auxiliary/mlx5_core.rdma.0')).toMatchObject({ modalias: 'auxiliary:mlx5_core.rdma', driver: null, driverModule: null });
  });

  it('reads USB devices and interfaces, interfaces named after their device', () => {
    expect(device('usb/usb1')).toMatchObject({
      parent: 'pci/0000:00:14.0',
      usb: {
        vendor: '1d6b', product: '0002', class: '09', manufacturer: 'Linux 6.1.0-18-amd64 xhci-hcd',
        productName: 'xHCI Host Controller', speed: '480', isInterface: false,
      },
      names: { vendor: 'Linux Foundation', device: '2.0 root hub', class: 'Hub' },
      modalias: null,
    });
    expect(device('usb/1-1')).toMatchObject({ parent: 'usb/usb1', driver: 'usb', driverModule: 'usbcore' });
    expect(device('usb/1-1:1.0')).toMatchObject({
      parent: 'usb/1-1',
      driver: 'usbhid',
      modalias: 'usb:v046DpC31Cd6400dc00dsc00dp00ic03isc01ip01in00',
      usb: { vendor: '046d', product: 'c31c', class: '03', productName: 'USB Keyboard', speed: '1.5', isInterface: true },
      names: { vendor: 'Logitech, Inc.', device: 'Keyboard K120', class: 'Human Interface Device' },
    });
  });

  it('tells built-in drivers (no module) from modules', () => {
    expect(device('platform/serial8250')).toMatchObject({
      driver: 'serial8250', driverModule: null, driverOverride: null, supportsOverride: true, modalias: 'platform:serial8250',
    });
    expect(device('platform/pcspkr').driverModule).toBe('pcspkr');
    expect(device('pci/0000:00:1d.0')).toMatchObject({ driver: 'pcieport', driverModule: null });
    expect(device('pci/0000:00:00.0')).toMatchObject({ driver: null, driverModule: null, parent: null });
  });

  it('lists every driver by bus and name with its module and bound devices', () => {
    const pci = snapshot.drivers.filter((d) => d.bus === 'pci');
    expect(pci.map((d) => d.name)).toEqual([
      'i915', 'igb', 'mlx5_core', 'nouveau', 'nvme', 'pci-stub', 'pcieport', 'snd_hda_intel', 'vfio-pci', 'virtio-pci', 'xhci_hcd',
    ]);
    expect(pci.find((d) => d.name === 'xhci_hcd')).toEqual({ bus: 'pci', name: 'xhci_hcd', module: 'xhci_pci', devices: ['0000:00:14.0'] });
    expect(pci.find((d) => d.name === 'pcieport')?.devices).toEqual(['0000:00:01.0', '0000:00:1b.0', '0000:00:1c.0', '0000:00:1d.0']);
    expect(pci.find((d) => d.name === 'pci-stub')).toEqual({ bus: 'pci', name: 'pci-stub', module: null, devices: [] });
    expect(snapshot.drivers.map((d) => d.bus)).toEqual([...snapshot.drivers.map((d) => d.bus)].sort());
    expect(snapshot.drivers.find((d) => d.bus === 'usb' && d.name === 'usb')?.devices).toEqual(['1-1', 'usb1']);
  });

  it('lists IOMMU groups in numeric order with their types', () => {
    expect(snapshot.iommuGroups.map((g) => g.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(snapshot.iommuGroups[8]).toEqual({ id: 8, type: 'identity', devices: ['pci/0000:03:00.0'] });
    expect(snapshot.iommuGroups[12]).toEqual({ id: 12, type: 'DMA', devices: ['pci/0000:04:00.3'] });
  });

  it('knows bridges by their header type', () => {
    const bridges = snapshot.devices.filter((d) => d.pci?.isBridge).map((d) => d.name);
    expect(bridges).toEqual(['0000:00:01.0', '0000:00:1b.0', '0000:00:1c.0', '0000:00:1d.0']);
  });

  it('leaves every name null without an ID database', () => {
    const bare = scanSysfs({ root: ROOT, host: HOST });
    const names = bare.devices.flatMap((d) => Object.values(d.names));
    expect(names.every((name) => name === null)).toBe(true);
    expect(bare.devices.map((d) => d.id)).toEqual(snapshot.devices.map((d) => d.id));
  });
});
