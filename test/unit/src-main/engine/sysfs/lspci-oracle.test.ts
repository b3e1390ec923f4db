// The PCI inventory Bindery reads must be the one lspci (pciutils) reads from
// the same tree: on this machine's own /sys (read only), on the committed
// fixture, and on a tree of ID edge cases; names must be lspci's given the
// same pci.ids.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Device, HostInfo, Snapshot } from '../../../../../src-shared/model';
import { openIdDatabase } from '../../../../../src-main/engine/ids/id-database';
import { scanSysfs } from '../../../../../src-main/engine/sysfs/scan';
import { SysfsBuilder, addPciDevice } from '../../../../fixtures/sysfs/sysfs-builder';
import { idsArgs, inventoryOf, lspciInventory, lspciMachine, lspciProgIfNames, splitNumbered, sysfsArgs } from './lspci';

const HWDATA = '/usr/share/hwdata';
const WORKSTATION = path.resolve('test/fixtures/sysfs/workstation');

function host(root: string): HostInfo {
  return { id: 'test', kind: 'linux', label: 'test', root, kernelRelease: null, readOnly: true };
}

function scan(root: string, idsDir: string): Snapshot {
  return scanSysfs({ root, host: host(root), ids: openIdDatabase([idsDir]) });
}

const pciDevices = (snapshot: Snapshot): Device[] => snapshot.devices.filter((d) => d.bus === 'pci');
/** lspci's stand-ins for names it does not know (lib/names.c). */
const UNKNOWN: Record<string, string> = {
  Vendor: 'Vendor', Device: 'Device', SVendor: 'Unknown vendor', SDevice: 'Device', Class: 'Class',
};

function lspciNames(args: string[]): Record<string, string | null>[] {
  const progIfs = lspciProgIfNames(args);
  const name = (fields: ReadonlyMap<string, string>, key: string): string | null => {
    const value = splitNumbered(fields.get(key))?.name ?? null;
    return value === UNKNOWN[key] ? null : value;
  };
  return lspciMachine(args).map(({ slot, fields }) => ({
    slot,
    vendor: name(fields, 'Vendor'),
    device: name(fields, 'Device'),
    subsystemVendor: name(fields, 'SVendor'),
    subsystemDevice: name(fields, 'SDevice'),
    class: name(fields, 'Class'),
    progIf: progIfs.get(slot) ?? null,
  }));
}

const namesOf = (device: Device): Record<string, string | null> => ({ slot: device.name, ...device.names });

describe('this machine, compared with lspci -vmm -nnk', () => {
  const live = fs.existsSync('/sys/bus/pci/devices');

  it.skipIf(!live)('lists the same PCI devices, IDs, class, revision, driver and IOMMU group', () => {
    const snapshot = scan('/', HWDATA);
    expect(pciDevices(snapshot).length).toBeGreaterThan(0);
    expect(pciDevices(snapshot).map(inventoryOf)).toEqual(lspciInventory([]));
  });

  it.skipIf(!live)('names them as lspci does with the same pci.ids', () => {
    const snapshot = scan('/', HWDATA);
    expect(pciDevices(snapshot).map(namesOf)).toEqual(lspciNames(idsArgs(path.join(HWDATA, 'pci.ids'))));
  });
});

describe('the workstation fixture, compared with lspci -O sysfs.path=', () => {
  const args = sysfsArgs(WORKSTATION);

  it('lists the same PCI devices, IDs, class, revision, driver and IOMMU group', () => {
    const snapshot = scan(WORKSTATION, HWDATA);
    expect(pciDevices(snapshot)).toHaveLength(15);
    expect(pciDevices(snapshot).map(inventoryOf)).toEqual(lspciInventory(args));
  });

  it('names every device as lspci does with hwdata pci.ids', () => {
    const snapshot = scan(WORKSTATION, HWDATA);
    expect(pciDevices(snapshot).map(namesOf)).toEqual(lspciNames([...args, ...idsArgs(path.join(HWDATA, 'pci.ids'))]));
  });
});

// A tree whose IDs exercise pciutils' naming rules, with a pci.ids written for it.
const SAMPLE_IDS = [
  '# pci.ids of the edge-case tree',
  '1af4  Red Hat, Inc.',
  '\t1041  Virtio 1.0 network device',
  '8086  Intel Corporation',
  '\t0d57  Name with two trailing blanks  ',
  '\t1533  I210 Gigabit Network Connection',
  '\t\t8086 0001  Ethernet Server Adapter I210-T1',
  '\t7010  82371SB PIIX3 IDE [Natoma/Triton II]',
  '1234  Vendor without devices',
  'abcd  Maker of generic subsystems',
  'ffff  Illegal Vendor ID',
  'S abcd',
  '\t0042  Generic subsystem',
  'C 01  Mass storage controller',
  '\t01  IDE interface',
  '\t\t8a  ISA Compatibility mode controller, supports both channels switched to PCI native mode, supports bus mastering',
  '\t08  Non-Volatile memory controller',
  '\t\t02  NVM Express',
  'C 02  Network controller',
  '\t00  Ethernet controller',
  'C 0c  Serial bus controller',
  '\t03  USB controller',
  'X 99  A block pciutils does not know',
  '\t01  Skipped with its block',
  '',
].join('\n');

describe('ID edge cases, compared with lspci -vmm -i', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-ids-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'pci.ids'), SAMPLE_IDS);
  const b = new SysfsBuilder(dir);
  const device = (at: string, ids: [number, number, number, number], classCode: number): void => {
    const [vendor, dev, subsystemVendor, subsystemDevice] = ids;
    addPciDevice(b, { path: `sys/devices/pci0000:00/${at}`, vendor, device: dev, subsystemVendor, subsystemDevice, classCode, revision: 0x01 });
  };
  device('0000:00:01.0', [0x8086, 0x1533, 0x8086, 0x0001], 0x020000); // every name known
  device('0000:00:02.0', [0x1af4, 0x1041, 0x1af4, 0x1041], 0x020000); // subsystem = device: device name
  device('0000:00:03.0', [0x8086, 0x7010, 0x0000, 0x0000], 0x01018a); // no subsystem; prog-if from the file
  device('0000:00:04.0', [0x8086, 0x7010, 0xffff, 0xffff], 0x010185); // IDE prog-if spelled from its bits
  device('0000:00:05.0', [0x1234, 0x5678, 0xabcd, 0x0042], 0x0c8000); // generic subsystem; class without subclass
  device('0000:00:06.0', [0x9999, 0x0001, 0x9999, 0x0002], 0xff0000); // nothing known
  device('0000:00:07.0', [0x8086, 0x0d57, 0x1234, 0x0001], 0x010802); // trailing blank kept; NVMe prog-if
  device('10000:e1:00.0', [0x8086, 0x1533, 0x1234, 0x0001], 0x020000); // VMD domain sorts last
  const args = [...sysfsArgs(dir), ...idsArgs(path.join(dir, 'pci.ids'))];

  it('lists the devices in lspci order, wide domains included', () => {
    expect(pciDevices(scan(dir, dir)).map(inventoryOf)).toEqual(lspciInventory(args));
  });

  it('names them exactly as lspci does', () => {
    const names = pciDevices(scan(dir, dir)).map(namesOf);
    expect(names).toEqual(lspciNames(args));
    expect(names.find((n) => n.slot === '0000:00:04.0')?.progIf).toBe('Master SecO PriO');
  });
});
