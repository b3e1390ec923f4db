// The state file: read by anyone (a missing file means nothing is kept,
// anything malformed is reported, never half-believed), written by root as a
// whole, 0644 whatever the umask.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTHING_PERSISTED, persistedPath, readPersisted, writePersisted } from '../../../../../src-main/engine/persist/persisted-file';

const ENTRY = {
  device: '0000:01:00.0',
  driver: 'vfio-pci',
  ids: { vendor: '0x10de', device: '0x1f08', subsystemVendor: '0x1462', subsystemDevice: '0x3754' },
};

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-persisted-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function plant(content: string): void {
  fs.mkdirSync(path.dirname(persistedPath(root)), { recursive: true });
  fs.writeFileSync(persistedPath(root), content);
}

describe('readPersisted', () => {
  it('finds nothing kept when there is no file', () => {
    expect(readPersisted(root)).toEqual({ ok: true, value: NOTHING_PERSISTED });
  });

  it('reads back what was written, as a whole file with mode 0644 and nothing left beside it', () => {
    const umask = process.umask(0o077);
    try {
      writePersisted(root, { version: 1, devices: [ENTRY] });
    } finally {
      process.umask(umask);
    }
    expect(readPersisted(root)).toEqual({ ok: true, value: { version: 1, devices: [ENTRY] } });
    expect(fs.statSync(persistedPath(root)).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(path.dirname(persistedPath(root)))).toEqual(['persisted.json']);
  });

  it.each([
    ['not JSON', '{', /is not valid JSON/],
    ['another version', JSON.stringify({ version: 2, devices: [] }), /version: Invalid input: expected 1/],
    ['an unknown key', JSON.stringify({ version: 1, devices: [], extra: 1 }), /Unrecognized key: "extra"/],
    ['a device path', JSON.stringify({ version: 1, devices: [{ ...ENTRY, device: '../../etc' }] }), /devices.0.device: a PCI address/],
    ['a driver with a newline', JSON.stringify({ version: 1, devices: [{ ...ENTRY, driver: 'vfio-pci\nnouveau' }] }), /devices.0.driver: a driver name/],
    ['a device twice', JSON.stringify({ version: 1, devices: [ENTRY, ENTRY] }), /each device may appear once/],
    ['IDs of another form', JSON.stringify({ version: 1, devices: [{ ...ENTRY, ids: { ...ENTRY.ids, vendor: '10de' } }] }), /devices.0.ids.vendor: an ID looks like 0x10de/],
    ['too large', `{"version":1,"devices":[]}${' '.repeat(1024 * 1024)}`, /larger than 1 MiB/],
  ])('reports a file with %s', (_what, content, detail) => {
    plant(content);
    const read = readPersisted(root);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toMatchObject({ code: 'UNREADABLE_FILE', title: 'The list of kept devices cannot be read' });
      expect(read.error.detail).toMatch(detail);
    }
  });
});
