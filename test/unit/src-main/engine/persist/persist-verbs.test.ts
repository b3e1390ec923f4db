// persist and unpersist through the helper's code on a fake root: only the
// card that is in the slot now (its IDs), only a driver that exists, one audit
// line each, and a refusal changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { performVerb } from '../../../../../src-main/engine/ops/privileged/perform-verb';
import { persistedPath, readPersisted } from '../../../../../src-main/engine/persist/persisted-file';
import { auditLines, makeFakeRoot, testContext } from '../ops/support/fake-root';
import type { FakeRoot } from '../ops/support/fake-root';

const IDS = { vendor: '0x10de', device: '0x1f08', subsystemVendor: '0x1462', subsystemDevice: '0x3754' };
const AUDIO_IDS = { vendor: '0x10de', device: '0x10f9', subsystemVendor: '0x1462', subsystemDevice: '0x3754' };

let fake: FakeRoot;
beforeEach(() => {
  fake = makeFakeRoot();
});
afterEach(() => fake.remove());

const persist = (device: string, driver: string, ids = IDS) => performVerb(testContext(fake.root), { verb: 'persist', device, driver, ids });
const unpersist = (device: string) => performVerb(testContext(fake.root), { verb: 'unpersist', device });
const kept = () => {
  const read = readPersisted(fake.root);
  return read.ok ? read.value.devices : read.error;
};

describe('persist', () => {
  it('keeps the device, sorted by address, replacing an earlier choice for it', () => {
    expect(persist('0000:01:00.0', 'vfio-pci')).toMatchObject({ status: 'done', summary: '0000:01:00.0 will be put on vfio-pci at every boot.' });
    expect(persist('0000:01:00.1', 'vfio-pci', AUDIO_IDS).status).toBe('done');
    expect(persist('0000:01:00.0', 'pci-stub').status).toBe('done');
    expect(kept()).toEqual([
      { device: '0000:01:00.0', driver: 'pci-stub', ids: IDS },
      { device: '0000:01:00.1', driver: 'vfio-pci', ids: AUDIO_IDS },
    ]);
    expect(auditLines(fake.root)).toHaveLength(3);
    expect(auditLines(fake.root)[2]).toEqual({ who: 'uid 1000 via pkexec', verb: 'persist', what: { device: '0000:01:00.0', driver: 'pci-stub', ids: IDS }, result: 'ok' });
  });

  it.each([
    ['a device that is not there', '0000:09:00.0', 'vfio-pci', IDS, 'ENODEV', /There is no PCI device 0000:09:00.0/],
    ['a different card in the slot', '0000:01:00.0', 'vfio-pci', { ...IDS, subsystemDevice: '0x0001' }, 'ENODEV', /The card at 0000:01:00.0 is 0x10de:0x1f08 \(subsystem 0x1462:0x3754\), not/],
    ['a driver that does not exist', '0000:01:00.0', 'vfio_pci', IDS, 'ENOENT', /There is no driver vfio_pci on the PCI bus/],
  ])('refuses %s and writes nothing', (_what, device, driver, ids, errno, detail) => {
    const answer = persist(device, driver, ids);
    expect(answer).toMatchObject({ status: 'refused', error: { errno } });
    expect(answer.error?.detail).toMatch(detail);
    expect(fs.existsSync(persistedPath(fake.root))).toBe(false);
    expect(auditLines(fake.root)).toEqual([]);
  });

  it('refuses to build on a damaged list', () => {
    fs.mkdirSync(path.dirname(persistedPath(fake.root)), { recursive: true });
    fs.writeFileSync(persistedPath(fake.root), '{"version":1');
    expect(persist('0000:01:00.0', 'vfio-pci')).toMatchObject({ status: 'refused', error: { title: 'The list of kept devices is damaged' } });
    expect(fs.readFileSync(persistedPath(fake.root), 'utf8')).toBe('{"version":1');
  });
});

describe('unpersist', () => {
  it('stops keeping a device, and says so when it was not kept', () => {
    persist('0000:01:00.0', 'vfio-pci');
    expect(unpersist('0000:02:00.0')).toMatchObject({ status: 'done', summary: '0000:02:00.0 was not kept; nothing changed.' });
    expect(unpersist('0000:01:00.0')).toMatchObject({ status: 'done', summary: expect.stringMatching(/no longer kept/) });
    expect(kept()).toEqual([]);
    expect(auditLines(fake.root).map((line) => (line as { verb: string }).verb)).toEqual(['persist', 'unpersist']);
  });
});
