// Trees that go wrong the ways real and captured trees do: devices vanishing
// mid-scan, unreadable or odd attributes, links out of the tree, no sysfs at
// all. One bad device must never cost the rest of the snapshot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BinderyError, BinderyFailure } from '../../../../../src-shared/errors';
import type { Device, HostInfo, Snapshot } from '../../../../../src-shared/model';
import { type IdDatabase, NO_NAMES } from '../../../../../src-main/engine/ids/id-database';
import { scanSysfs } from '../../../../../src-main/engine/sysfs/scan';
import { type PciSpec, SysfsBuilder, addPciDevice } from '../../../../fixtures/sysfs/sysfs-builder';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempTree(): SysfsBuilder {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-sysfs-'));
  temps.push(root);
  return new SysfsBuilder(root).dir('sys/bus/pci/devices').dir('sys/bus/pci/drivers');
}

const PORT = 'sys/devices/pci0000:00';

function nic(b: SysfsBuilder, name: string, extra: Partial<PciSpec> = {}): string {
  return addPciDevice(b, {
    path: `${PORT}/${name}`, vendor: 0x8086, device: 0x1533, subsystemVendor: 0x8086, subsystemDevice: 0x0001,
    classCode: 0x020000, revision: 0x03, ...extra,
  });
}

const HOST: HostInfo = { id: 'test', kind: 'linux', label: 'test', root: '/tmp', kernelRelease: null, readOnly: true };

function scan(b: SysfsBuilder): Snapshot {
  return scanSysfs({ root: b.root, host: HOST });
}

/** The BinderyError a call throws; undefined when it throws nothing or something else. */
function failureOf(call: () => unknown): BinderyError | undefined {
  try {
    call();
  } catch (error) {
    return error instanceof BinderyFailure ? error.error : undefined;
  }
  return undefined;
}

function device(snapshot: Snapshot, id: string): Device {
  const found = snapshot.devices.find((d) => d.id === id);
  if (!found) throw new Error(`no device ${id}`);
  return found;
}

describe('devices that vanish or break mid-scan', () => {
  it('skips a device whose link dangles, without a problem', () => {
    const b = tempTree();
    nic(b, '0000:00:01.0');
    b.link('sys/bus/pci/devices/0000:00:02.0', `${PORT}/0000:00:02.0`);
    const snapshot = scan(b);
    expect(snapshot.devices.map((d) => d.id)).toEqual(['pci/0000:00:01.0']);
    expect(snapshot.problems).toEqual([]);
  });

  it('skips a PCI device whose identity files are gone, without a problem', () => {
    const b = tempTree();
    nic(b, '0000:00:01.0');
    fs.rmSync(path.join(b.root, nic(b, '0000:00:02.0'), 'vendor'));
    const snapshot = scan(b);
    expect(snapshot.devices.map((d) => d.id)).toEqual(['pci/0000:00:01.0']);
    expect(snapshot.problems).toEqual([]);
  });

  it('skips devices removed while the scan runs, without a problem', () => {
    const b = tempTree();
    nic(b, '0000:00:01.0');
    const doomed = nic(b, '0000:00:02.0');
    b.busDevice('virtio', 'virtio3', `${doomed}/virtio3`);
    // Names are looked up while 0000:00:01.0 is read: remove the others then.
    const ids: IdDatabase = {
      sources: { pci: null, usb: null },
      pci: () => {
        fs.rmSync(path.join(b.root, doomed), { recursive: true, force: true });
        return NO_NAMES;
      },
      usb: () => NO_NAMES,
    };
    const snapshot = scanSysfs({ root: b.root, host: HOST, ids });
    expect(snapshot.devices.map((d) => d.id)).toEqual(['pci/0000:00:01.0']);
    expect(snapshot.problems).toEqual([]);
  });

  it('keeps a device whose attribute is a directory, and reports the attribute', () => {
    const b = tempTree();
    const dir = nic(b, '0000:00:01.0');
    nic(b, '0000:00:02.0');
    fs.rmSync(path.join(b.root, dir, 'driver_override'));
    b.dir(`${dir}/driver_override`);
    const snapshot = scan(b);
    expect(device(snapshot, 'pci/0000:00:01.0')).toMatchObject({ driverOverride: null, supportsOverride: true });
    expect(device(snapshot, 'pci/0000:00:02.0').supportsOverride).toBe(true);
    expect(snapshot.problems).toEqual([{
      path: `/${PORT}/0000:00:01.0/driver_override`,
      code: 'EISDIR',
      message: expect.stringContaining('Cannot read this attribute') as string,
    }]);
  });

  it('keeps a PCI device with unreadable or unparsable identity, without its PCI part', () => {
    const b = tempTree();
    const broken = nic(b, '0000:00:01.0', { driver: 'igb' });
    const odd = nic(b, '0000:00:02.0');
    b.driver('pci', 'igb', 'igb');
    fs.rmSync(path.join(b.root, broken, 'class'));
    b.dir(`${broken}/class`);
    b.file(`${odd}/vendor`, 'garbage\n');
    const snapshot = scan(b);
    expect(device(snapshot, 'pci/0000:00:01.0')).toMatchObject({ pci: null, driver: 'igb', driverModule: 'igb' });
    expect(device(snapshot, 'pci/0000:00:02.0').pci).toBeNull();
    expect(snapshot.problems.map((p) => [p.path, p.code])).toEqual([
      [`/${PORT}/0000:00:01.0/class`, 'EISDIR'],
      [`/${PORT}/0000:00:02.0/vendor`, 'EPARSE'],
    ]);
  });

  it('reports unparsable SR-IOV and IOMMU values and carries on', () => {
    const b = tempTree();
    const dir = nic(b, '0000:00:01.0');
    b.file(`${dir}/sriov_totalvfs`, 'lots\n').rawLink(`${dir}/iommu_group`, '../../../kernel/iommu_groups/x');
    const snapshot = scan(b);
    expect(device(snapshot, 'pci/0000:00:01.0')).toMatchObject({ iommuGroup: null, pci: { sriov: null, vendor: '0x8086' } });
    expect(snapshot.problems.map((p) => [p.path, p.code])).toEqual([
      [`/${PORT}/0000:00:01.0/iommu_group`, 'EPARSE'],
      [`/${PORT}/0000:00:01.0/sriov_totalvfs`, 'EPARSE'],
    ]);
  });
});

describe('links that lead out of the tree', () => {
  it('does not follow a device link out of the root, and reports it', () => {
    const b = tempTree();
    nic(b, '0000:00:01.0');
    b.rawLink('sys/bus/pci/devices/0000:00:09.0', os.tmpdir());
    const snapshot = scan(b);
    expect(snapshot.devices.map((d) => d.id)).toEqual(['pci/0000:00:01.0']);
    expect(snapshot.problems).toEqual([{
      path: '/sys/bus/pci/devices/0000:00:09.0',
      code: 'EXDEV',
      message: expect.stringContaining('outside the tree') as string,
    }]);
  });

  it('does not read an attribute that is a symlink (it could lead anywhere)', () => {
    const b = tempTree();
    const dir = nic(b, '0000:00:01.0');
    b.file('outside/secret', 'boot_vga would say 1\n').rawLink(`${dir}/boot_vga`, path.join(b.root, 'outside/secret'));
    const snapshot = scan(b);
    expect(device(snapshot, 'pci/0000:00:01.0').pci?.bootVga).toBe(false);
    expect(snapshot.problems.map((p) => [p.path, p.code])).toEqual([[`/${PORT}/0000:00:01.0/boot_vga`, 'ELOOP']]);
  });
});

describe('a tree that is not there', () => {
  it('throws SYSFS_UNREADABLE when <root>/sys/bus is missing', () => {
    const b = tempTree();
    fs.rmSync(path.join(b.root, 'sys/bus'), { recursive: true });
    expect(failureOf(() => scan(b))).toMatchObject({
      code: 'SYSFS_UNREADABLE', title: 'Cannot read the device tree', detail: expect.stringContaining('sys/bus') as string,
    });
  });

  it('tells the user to point at the directory above sys/ when given sys/ itself', () => {
    const b = tempTree();
    const error = failureOf(() => scanSysfs({ root: path.join(b.root, 'sys'), host: HOST }));
    expect(error?.remedy).toBe(`Use the directory that contains sys/ as the root: ${fs.realpathSync(b.root)}`);
  });

  it('throws SYSFS_UNREADABLE when the root does not exist', () => {
    expect(failureOf(() => scanSysfs({ root: '/nonexistent/bindery', host: HOST }))?.code).toBe('SYSFS_UNREADABLE');
  });
});

describe('attributes', () => {
  it('reads driver_override: (null) is unset, a name is kept, no file means the bus has none', () => {
    const b = tempTree();
    nic(b, '0000:00:01.0');
    nic(b, '0000:00:02.0', { driverOverride: 'vfio-pci' });
    fs.rmSync(path.join(b.root, nic(b, '0000:00:03.0'), 'driver_override'));
    const snapshot = scan(b);
    expect(device(snapshot, 'pci/0000:00:01.0')).toMatchObject({ driverOverride: null, supportsOverride: true });
    expect(device(snapshot, 'pci/0000:00:02.0')).toMatchObject({ driverOverride: 'vfio-pci', supportsOverride: true });
    expect(device(snapshot, 'pci/0000:00:03.0')).toMatchObject({ driverOverride: null, supportsOverride: false });
  });

  it('reads reset_method: absent is null, empty is no methods, else in order', () => {
    const b = tempTree();
    nic(b, '0000:00:01.0');
    nic(b, '0000:00:02.0', { resetMethods: '' });
    nic(b, '0000:00:03.0', { resetMethods: 'bus flr' });
    const resets = scan(b).devices.map((d) => d.pci?.resetMethods);
    expect(resets).toEqual([null, [], ['bus', 'flr']]);
  });

  it('knows a bridge by its class when config cannot be read, and trusts config when it can', () => {
    const b = tempTree();
    const noConfig = nic(b, '0000:00:01.0', { classCode: 0x060400 });
    fs.rmSync(path.join(b.root, noConfig, 'config'));
    nic(b, '0000:00:02.0', { classCode: 0x060400, headerType: 0 });
    nic(b, '0000:00:03.0', { classCode: 0x060400, headerType: 0x81 });
    expect(scan(b).devices.map((d) => d.pci?.isBridge)).toEqual([true, false, true]);
  });

  it('lists VFs in virtfn order, past virtfn9, spilling onto the next bus', () => {
    const b = tempTree();
    const pf = nic(b, '0000:5e:00.0');
    b.file(`${pf}/sriov_totalvfs`, '64\n').file(`${pf}/sriov_numvfs`, '12\n');
    const vfNames: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const rid = 0x5e00 + 0xf8 + i; // offset 248 so that VF8 onwards land on bus 5f
      const name = `0000:${(rid >> 8).toString(16)}:${((rid & 0xff) >> 3).toString(16).padStart(2, '0')}.${rid & 7}`;
      vfNames.push(name);
      const vf = nic(b, name, { device: 0x1520 });
      b.link(`${pf}/virtfn${i}`, vf).link(`${vf}/physfn`, pf);
    }
    const snapshot = scan(b);
    const sriov = device(snapshot, 'pci/0000:5e:00.0').pci?.sriov;
    expect(sriov).toMatchObject({ totalVfs: 64, numVfs: 12, offset: null, stride: null, vfDevice: null, driversAutoprobe: null });
    expect(sriov?.vfs).toEqual(vfNames);
    expect(snapshot.devices.map((d) => d.name)).toEqual(['0000:5e:00.0', ...vfNames]);
  });
});

describe('order', () => {
  it('sorts PCI addresses numerically, wide VMD domains last', () => {
    const b = tempTree();
    for (const name of ['10000:e1:00.0', '0000:00:1f.3', '0001:00:00.0', '0000:00:02.0', '0000:0a:00.0']) nic(b, name);
    expect(scan(b).devices.map((d) => d.name)).toEqual(['0000:00:02.0', '0000:00:1f.3', '0000:0a:00.0', '0001:00:00.0', '10000:e1:00.0']);
  });

  it('sorts other buses naturally and problems by path', () => {
    const b = tempTree();
    for (const name of ['virtio10', 'virtio2', 'virtio1']) {
      b.busDevice('virtio', name, `sys/devices/virtual/${name}`).dir(`sys/devices/virtual/${name}/uevent`);
    }
    const snapshot = scan(b);
    expect(snapshot.devices.map((d) => d.name)).toEqual(['virtio1', 'virtio2', 'virtio10']);
    expect(snapshot.problems.map((p) => p.path)).toEqual(
      ['virtio1', 'virtio10', 'virtio2'].map((name) => `/sys/devices/virtual/${name}/uevent`),
    );
  });
});

describe('buses, parents, class devices and groups', () => {
  it('treats only directories with devices/ as buses and reads drivers_autoprobe', () => {
    const b = tempTree();
    b.file('sys/bus/pci/drivers_autoprobe', '0\n').dir('sys/bus/half-registered/drivers');
    expect(scan(b).buses).toEqual([{ name: 'pci', driversAutoprobe: false, deviceCount: 0, driverCount: 0 }]);
  });

  it('gives a device the nearest ancestor device on any bus as parent, and none above the tree', () => {
    const b = tempTree();
    const port = nic(b, '0000:00:1c.0', { classCode: 0x060400, headerType: 1 });
    // 0000:03:00.0 is a directory but no device on any bus: the parent is the port above it.
    b.busDevice('virtio', 'virtio7', `${port}/0000:03:00.0/virtio7`);
    const snapshot = scan(b);
    expect(device(snapshot, 'virtio/virtio7').parent).toBe('pci/0000:00:1c.0');
    expect(device(snapshot, 'pci/0000:00:1c.0').parent).toBeNull();
  });

  it('does not walk into child bus devices, attribute groups or symlinks for class devices', () => {
    const b = tempTree();
    const dir = nic(b, '0000:00:14.0');
    b.busDevice('usb', 'usb1', `${dir}/usb1`)
      .classDevice(`${dir}/usb1`, 'net/usb0', 'net')
      .classDevice(dir, 'power/net/hidden0', 'net')
      .classDevice(dir, 'net/enx1', 'net')
      .classDevice('sys/devices/virtual/elsewhere', 'net/veth0', 'net')
      .link(`${dir}/firmware_node`, 'sys/devices/virtual/elsewhere');
    expect(scan(b).devices.find((d) => d.bus === 'pci')?.classDevices).toEqual([{ subsystem: 'net', name: 'enx1' }]);
  });

  it('sorts IOMMU groups numerically, keeps a missing type as null and ignores foreign members', () => {
    const b = tempTree();
    const a = nic(b, '0000:00:01.0');
    const c = nic(b, '0000:00:02.0');
    b.iommuGroup(10, 'DMA', [a]).iommuGroup(2, null, [c]).dir('sys/devices/virtual/iommu-only')
      .link('sys/kernel/iommu_groups/2/devices/iommu-only', 'sys/devices/virtual/iommu-only')
      .dir('sys/kernel/iommu_groups/not-a-group');
    expect(scan(b).iommuGroups).toEqual([
      { id: 2, type: null, devices: ['pci/0000:00:02.0'] },
      { id: 10, type: 'DMA', devices: ['pci/0000:00:01.0'] },
    ]);
  });
});
