// A materialised tree is the same machine for every reader: scanSysfs gives
// the same Snapshot as on the simulated view, and lspci (pciutils) lists the
// same functions, IDs and drivers. Files keep the kernel's modes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../../../../src-shared/model';
import { materialize } from '../../../../../../src-main/engine/sim/materialize/materialize';
import { runScript } from '../../../../../../src-main/engine/sim/script/run';
import { scanSysfs } from '../../../../../../src-main/engine/sysfs/scan';
import { inventoryOf, lspciInventory, sysfsArgs } from '../../sysfs/lspci';
import { boot } from '../support/machines';

const HOST: HostInfo = { id: 'sim:test', kind: 'sim', label: 'test', root: '/', kernelRelease: null, readOnly: true };
const EPOCH = (): Date => new Date(0);

// Every kind of device the simulator makes: VFs, vfio-pci, an mdev, vdpa on both drivers, netdevsim.
const CHANGES = `
write /sys/bus/pci/devices/0000:00:06.0/sriov_numvfs 2
write /sys/bus/pci/devices/0000:00:16.2/driver_override vfio-pci
write /sys/bus/pci/drivers_probe 0000:00:16.2
write /sys/bus/pci/devices/0000:01:02.0/driver_override vfio-pci
write /sys/bus/pci/drivers/e1000/unbind 0000:01:02.0
write /sys/bus/pci/drivers_probe 0000:01:02.0
write /sys/class/mdev_bus/mtty/mdev_supported_types/mtty-2/create 83b8f4f2-509f-382f-3c1e-e6bfe0fa1001
vdpa dev add name vdpa1 mgmtdev vdpasim_net
write /sys/bus/vdpa/devices/vdpa1/driver_override virtio_vdpa
write /sys/bus/vdpa/drivers/vhost_vdpa/unbind vdpa1
write /sys/bus/vdpa/drivers_probe vdpa1
settle
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-sim-'));
  dirs.push(dir);
  return dir;
}

describe('materialize', () => {
  const machine = boot('qemu-q35');
  const root = tempDir();
  beforeAll(() => {
    expect(runScript(machine, CHANGES).filter((line) => / => err /.test(line))).toEqual([]);
    materialize(machine, root);
  });

  it('gives the same Snapshot as scanning the simulated view', () => {
    const simulated = scanSysfs({ root: '/', source: machine.source, host: HOST, now: EPOCH });
    const written = scanSysfs({ root, host: HOST, now: EPOCH });
    expect(written).toEqual(simulated);
    expect(simulated.devices.map((device) => device.id)).toEqual(expect.arrayContaining([
      'pci/0000:00:16.2', 'mdev/83b8f4f2-509f-382f-3c1e-e6bfe0fa1001', 'vdpa/vdpa1', 'virtio/virtio3', 'netdevsim/netdevsim10',
    ]));
    expect(simulated.problems).toEqual([]);
  });

  it('lspci lists the same functions, IDs, drivers and groups', () => {
    const simulated = scanSysfs({ root: '/', source: machine.source, host: HOST });
    const expected = simulated.devices.filter((device) => device.bus === 'pci').map(inventoryOf);
    const listed = lspciInventory([...sysfsArgs(root), '-O', 'hwdb.disable=1']);
    expect(listed).toEqual(expected);
    expect(listed.find((entry) => entry.slot === '0000:00:16.2')?.driver).toBe('vfio-pci');
  });

  it('keeps the kernel modes, relative links and binary config', () => {
    const mode = (rel: string): string => (fs.statSync(path.join(root, rel)).mode & 0o777).toString(8);
    expect(mode('sys/bus/pci/drivers/e1000e/bind')).toBe('200');
    expect(mode('sys/devices/pci0000:00/0000:00:02.0/vendor')).toBe('444');
    expect(mode('sys/devices/pci0000:00/0000:00:02.0/driver_override')).toBe('644');
    expect(mode('sys/devices/pci0000:00/0000:00:02.0/remove')).toBe('220');
    expect(fs.readlinkSync(path.join(root, 'sys/bus/pci/devices/0000:00:16.0'))).toBe('../../../devices/pci0000:00/0000:00:16.0');
    expect(fs.readFileSync(path.join(root, 'sys/devices/pci0000:00/0000:00:02.0/config')).subarray(0, 4)).toEqual(Buffer.from([0x86, 0x80, 0xd3, 0x10]));
    // Write-only files are there, empty.
    expect(fs.readFileSync(path.join(root, 'sys/bus/pci/drivers_probe'), 'utf8')).toBe('');
  });

  it('refuses to write over an existing tree', () => {
    expect(() => materialize(machine, root)).toThrow(/already exists/);
  });
});

describe('materialising a scenario', () => {
  it('gives the workstation\'s Snapshot: its groups, partitions and udev\'s interface names', () => {
    const workstation = boot('workstation');
    const dir = tempDir();
    materialize(workstation, dir);
    const written = scanSysfs({ root: dir, host: HOST, now: EPOCH });
    expect(written).toEqual(scanSysfs({ root: '/', source: workstation.source, host: HOST, now: EPOCH }));
    const classes = (id: string): string[] => written.devices.find((device) => device.id === id)?.classDevices.map((cls) => cls.name) ?? [];
    expect(classes('pci/0000:02:00.0')).toEqual(['nvme0n1', 'nvme0n1p1', 'nvme0n1p2', 'nvme0']);
    expect(classes('pci/0000:06:00.0')).toEqual(['enp6s0']);
    expect(written.iommuGroups.find((group) => group.id === 15)?.devices).toEqual(['pci/0000:05:00.0', 'pci/0000:05:00.1']);
  });
});
