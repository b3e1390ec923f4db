// pci.ids parsing and naming with pciutils' rules (lib/names-parse.c,
// lib/names.c); lspci-oracle.test.ts checks the same rules against lspci.
import { describe, expect, it } from 'vitest';
import { parsePciIds, pciNames } from '../../../../../src-main/engine/ids/pci-ids';

const IDS = [
  '#\tList of PCI ID\'s',
  '',
  '10de  NVIDIA Corporation',
  '\t1f08  TU106 [GeForce RTX 2060 Rev. A]',
  '\t\t1462 3754  Made-up MSI board',
  '# a comment between entries',
  '\t10f9  TU106 High Definition Audio Controller',
  '10de  A duplicate vendor (pciutils keeps the first)',
  '1462  Micro-Star International Co., Ltd. [MSI]',
  'zzzz  Not a vendor line',
  '\t0001  Device of a broken vendor',
  '1af4  Red Hat, Inc.\r',
  '\t1041  Virtio 1.0 network device',
  'C 03  Display controller',
  '\t00  VGA compatible controller',
  '\t\t00  VGA controller',
  '\t\t01  8514 controller',
  'C 04  Multimedia controller',
  '\t03  Audio device',
  'C 0c  Serial bus controller',
  '\t03  USB controller',
  '\t\t30  XHCI',
  'X 12  Block of a future format',
  '\t01  Ignored',
  '\t\t01  Ignored too',
].join('\n');

const query = { vendor: 0x10de, device: 0x1f08, subsystemVendor: 0x1462, subsystemDevice: 0x3754, classCode: 0x030000 };

describe('pci.ids', () => {
  const table = parsePciIds(IDS);

  it('names vendor, device, subsystem, class and prog-if', () => {
    expect(pciNames(table, query)).toEqual({
      vendor: 'NVIDIA Corporation',
      device: 'TU106 [GeForce RTX 2060 Rev. A]',
      subsystemVendor: 'Micro-Star International Co., Ltd. [MSI]',
      subsystemDevice: 'Made-up MSI board',
      class: 'VGA compatible controller',
      progIf: 'VGA controller',
    });
  });

  it('keeps the first of duplicate entries and skips lines it cannot parse, with their block', () => {
    expect(table.vendors.get(0x10de)).toBe('NVIDIA Corporation');
    expect(table.vendors.size).toBe(3);
    expect([...table.devices.values()]).not.toContain('Device of a broken vendor');
    expect([...table.subclasses.values()]).not.toContain('Ignored');
  });

  it('reads CRLF files', () => {
    expect(pciNames(table, { ...query, vendor: 0x1af4, device: 0x1041 }).vendor).toBe('Red Hat, Inc.');
  });

  it('gives the class name when the subclass is unknown, and no prog-if name when there is none', () => {
    expect(pciNames(table, { ...query, device: 0x10f9, classCode: 0x048000 })).toMatchObject({ class: 'Multimedia controller', progIf: null });
    expect(pciNames(table, { ...query, classCode: 0x0c0330 })).toMatchObject({ class: 'USB controller', progIf: 'XHCI' });
    expect(pciNames(table, { ...query, classCode: 0x990000 })).toMatchObject({ class: null, progIf: null });
  });

  it('shows no subsystem names when there is no subsystem (0000 or ffff), as lspci shows none', () => {
    for (const subsystemVendor of [0x0000, 0xffff]) {
      expect(pciNames(table, { ...query, subsystemVendor, subsystemDevice: subsystemVendor })).toMatchObject({
        subsystemVendor: null, subsystemDevice: null,
      });
    }
  });

  it('falls back to the device name when the subsystem repeats the device IDs', () => {
    const names = pciNames(table, { vendor: 0x1af4, device: 0x1041, subsystemVendor: 0x1af4, subsystemDevice: 0x1041, classCode: 0x020000 });
    expect(names.subsystemDevice).toBe('Virtio 1.0 network device');
    expect(pciNames(table, { ...query, subsystemDevice: 0x9999 }).subsystemDevice).toBeNull();
  });

  it('gives all-null names for an empty database', () => {
    expect(Object.values(pciNames(parsePciIds(''), query)).every((name) => name === null)).toBe(true);
  });
});
