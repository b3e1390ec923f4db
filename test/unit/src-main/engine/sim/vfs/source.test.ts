// The simulated tree through the reader's SysfsSource: errno codes as Node's
// fs throws them, links stored relative as the kernel writes them, and a
// scan of a simulated host that shows what the kernel state says.
import { describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../../../../src-shared/model';
import { scanSysfs } from '../../../../../../src-main/engine/sysfs/scan';
import { boot } from '../support/machines';

const HOST: HostInfo = { id: 'sim:test', kind: 'sim', label: 'test', root: '/', kernelRelease: null, readOnly: false };

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('the simulated tree as a SysfsSource', () => {
  const machine = boot('qemu-q35');
  const source = machine.source;

  it('reads attributes and refuses symlinks in their place (ELOOP), as O_NOFOLLOW does', () => {
    expect(source.readAttribute('/sys/bus/pci/devices/0000:00:02.0/vendor')).toBe('0x8086\n');
    expect(codeOf(() => source.readAttribute('/sys/bus/pci/devices/0000:00:02.0/driver'))).toBe('ELOOP');
    expect(codeOf(() => source.readAttribute('/sys/bus/pci/devices/0000:00:02.0/nothing'))).toBe('ENOENT');
    expect(codeOf(() => source.readAttribute('/sys/bus/pci/drivers/e1000e/bind'))).toBe('EACCES');
    expect(codeOf(() => source.readAttribute('/sys/bus/pci/devices/0000:00:02.0/vendor/x'))).toBe('ENOTDIR');
  });

  it('gives the first bytes of config space: IDs, class, header type, subsystem', () => {
    expect([...source.readBytes('/sys/bus/pci/devices/0000:00:02.0/config', 4)]).toEqual([0x86, 0x80, 0xd3, 0x10]);
    const bridge = source.readBytes('/sys/bus/pci/devices/0000:00:09.0/config', 64);
    expect(bridge.length).toBe(64);
    expect(bridge[0x0e]).toBe(1);
    expect([bridge[0x18], bridge[0x19], bridge[0x1a]]).toEqual([0, 1, 1]);
    // Both functions of slot 08 have the multi-function bit.
    expect(source.readBytes('/sys/bus/pci/devices/0000:00:08.1/config', 16)[0x0e]).toBe(0x80);
  });

  it('stores link targets relative, the way kernfs computes them', () => {
    expect(source.readLink('/sys/bus/pci/devices/0000:01:02.0')).toBe('../../../devices/pci0000:00/0000:00:09.0/0000:01:02.0');
    expect(source.readLink('/sys/devices/pci0000:00/0000:00:02.0/driver')).toBe('../../../bus/pci/drivers/e1000e');
    expect(source.readLink('/sys/devices/pci0000:00/0000:00:02.0/net/eth0/device')).toBe('../../../0000:00:02.0');
    expect(source.readLink('/sys/devices/pci0000:00/0000:00:02.0/iommu_group')).toBe('../../../kernel/iommu_groups/2');
    expect(source.readLink('/sys/class/net/lo')).toBe('../../devices/virtual/net/lo');
    expect(source.readLink('/sys/bus/pci/drivers/e1000e/module')).toBe('../../../../module/e1000e');
    expect(codeOf(() => source.readLink('/sys/bus/pci/devices/0000:00:02.0/vendor'))).toBe('EINVAL');
  });

  it('resolves real paths through links, and `..` from where a link leads', () => {
    expect(source.realPath('/sys/bus/pci/devices/0000:01:01.0')).toBe('/sys/devices/pci0000:00/0000:00:09.0/0000:01:01.0');
    expect(source.realPath('/sys/bus/pci/devices/0000:01:01.0/..')).toBe('/sys/devices/pci0000:00/0000:00:09.0');
    expect(source.realPath('/sys/class/net/eth2/device/driver')).toBe('/sys/bus/pci/drivers/e1000');
    expect(codeOf(() => source.realPath('/sys/bus/pci/devices/0000:09:00.0'))).toBe('ENOENT');
  });

  it('lists entries with what each one is, and knows directories through links', () => {
    const entries = source.list('/sys/bus/pci/devices/0000:00:02.0');
    expect(entries.find((entry) => entry.name === 'driver')?.kind).toBe('link');
    expect(entries.find((entry) => entry.name === 'net')?.kind).toBe('dir');
    expect(entries.find((entry) => entry.name === 'vendor')?.kind).toBe('file');
    expect(source.isDirectory('/sys/bus/pci/devices/0000:00:02.0')).toBe(true);
    expect(source.isDirectory('/sys/bus/pci/devices/0000:00:02.0/vendor')).toBe(false);
    expect(codeOf(() => source.list('/sys/bus/pci/devices/0000:00:02.0/vendor'))).toBe('ENOTDIR');
  });

  it('scans into a Snapshot that shows the kernel state', () => {
    const snapshot = scanSysfs({ root: '/', source, host: HOST });
    expect(snapshot.problems).toEqual([]);
    const byId = new Map(snapshot.devices.map((device) => [device.id, device]));
    expect(byId.get('pci/0000:00:02.0')).toMatchObject({
      driver: 'e1000e', driverModule: 'e1000e', iommuGroup: 2, driverOverride: null, supportsOverride: true,
      modalias: 'pci:v00008086d000010D3sv00008086sd00000000bc02sc00i00',
      classDevices: [{ subsystem: 'net', name: 'eth0' }],
    });
    expect(byId.get('pci/0000:01:01.0')?.parent).toBe('pci/0000:00:09.0');
    expect(byId.get('pci/0000:00:04.0')?.pci?.sriov).toMatchObject({ totalVfs: 2, numVfs: 0, offset: 1, stride: 1, vfDevice: '10', vfs: [] });
    expect(byId.get('pci/0000:00:04.0')?.classDevices).toEqual([{ subsystem: 'block', name: 'nvme0n1' }, { subsystem: 'nvme', name: 'nvme0' }]);
    expect(byId.get('pci/0000:00:03.0')?.driverModule).toBe('virtio_pci');
    expect(byId.get('pci/0000:00:09.0')?.pci?.isBridge).toBe(true);
    expect(byId.get('virtio/virtio0')).toMatchObject({ parent: 'pci/0000:00:03.0', driver: null, supportsOverride: false, modalias: 'virtio:d00000001v00001AF4' });
    expect(byId.get('vdpa/vdpa0')).toMatchObject({ driver: 'vhost_vdpa', modalias: null, supportsOverride: true });
    expect(snapshot.iommuGroups.find((group) => group.id === 9)?.devices).toEqual(['pci/0000:00:09.0', 'pci/0000:01:01.0', 'pci/0000:01:02.0']);
    expect(snapshot.drivers.find((driver) => driver.name === 'vfio-pci')).toMatchObject({ module: 'vfio_pci', devices: [] });
  });

  it('a VF is a sibling of its PF with physfn, and the PF lists it', () => {
    const sriov = boot('qemu-q35');
    sriov.write('/sys/bus/pci/devices/0000:00:06.0/sriov_numvfs', '2\n');
    const snapshot = scanSysfs({ root: '/', source: sriov.source, host: HOST });
    const vf = snapshot.devices.find((device) => device.id === 'pci/0000:00:16.2');
    expect(vf?.parent).toBeNull();
    expect(vf?.pci?.physfn).toBe('0000:00:06.0');
    expect(snapshot.devices.find((device) => device.id === 'pci/0000:00:06.0')?.pci?.sriov?.vfs).toEqual(['0000:00:16.0', '0000:00:16.2']);
  });
});
