// Finding the hwdata files, parsing them only when first needed, and never
// failing for want of them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_NAMES, openIdDatabase } from '../../../../../src-main/engine/ids/id-database';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-ids-'));
  temps.push(dir);
  return dir;
}

const NVIDIA = { vendor: 0x10de, device: 0x1f08, subsystemVendor: 0, subsystemDevice: 0, classCode: 0x030000 };

describe('openIdDatabase', () => {
  it('uses /usr/share/hwdata by default', () => {
    const ids = openIdDatabase();
    expect(ids.sources).toEqual({ pci: '/usr/share/hwdata/pci.ids', usb: '/usr/share/hwdata/usb.ids' });
    expect(ids.pci(NVIDIA)).toMatchObject({ vendor: 'NVIDIA Corporation', class: 'VGA compatible controller' });
  });

  it('takes each file from the first directory that has it', () => {
    const first = tempDir();
    const second = tempDir();
    fs.writeFileSync(path.join(first, 'usb.ids'), '1d6b  First\n');
    fs.writeFileSync(path.join(second, 'usb.ids'), '1d6b  Second\n');
    fs.writeFileSync(path.join(second, 'pci.ids'), '10de  Second NVIDIA\n');
    const ids = openIdDatabase([first, second]);
    expect(ids.sources).toEqual({ pci: path.join(second, 'pci.ids'), usb: path.join(first, 'usb.ids') });
    expect(ids.usb({ vendor: 0x1d6b, product: 2, classCode: null }).vendor).toBe('First');
    expect(ids.pci(NVIDIA).vendor).toBe('Second NVIDIA');
  });

  it('gives all-null names, and no error, when the files are missing', () => {
    const ids = openIdDatabase([tempDir(), '/nonexistent/hwdata']);
    expect(ids.sources).toEqual({ pci: null, usb: null });
    expect(ids.pci(NVIDIA)).toEqual(NO_NAMES);
    expect(ids.usb({ vendor: 0x1d6b, product: 2, classCode: 9 })).toEqual(NO_NAMES);
  });

  it('parses a file on the first lookup, then keeps it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'pci.ids');
    fs.writeFileSync(file, '10de  At open\n');
    const ids = openIdDatabase([dir]);
    fs.writeFileSync(file, '10de  At first lookup\n');
    expect(ids.pci(NVIDIA).vendor).toBe('At first lookup');
    fs.writeFileSync(file, '10de  Later\n');
    expect(ids.pci(NVIDIA).vendor).toBe('At first lookup');
  });

  it('gives all-null names when a found file cannot be read', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pci.ids'), '10de  NVIDIA\n');
    const ids = openIdDatabase([dir]);
    fs.rmSync(path.join(dir, 'pci.ids'));
    expect(ids.pci(NVIDIA)).toEqual(NO_NAMES);
  });
});
