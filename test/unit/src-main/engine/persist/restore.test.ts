// restore on a fake root: each kept device is checked (there? the same card?)
// and moved with exactly the kernel's sequence: load the driver's module if
// the driver is missing, set driver_override, unbind from the other driver,
// drivers_probe. A fake tree has no kernel to bind the device, so a move reads
// back as not taken: the writes are what these tests check.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { performVerb } from '../../../../../src-main/engine/ops/privileged/perform-verb';
import { persistedPath, writePersisted } from '../../../../../src-main/engine/persist/persisted-file';
import type { PersistedDevice } from '../../../../../src-main/engine/persist/persisted-schema';
import { auditLines, changedEntries, deviceDir, fakeModprobe, makeFakeRoot, snapshot, testContext } from '../ops/support/fake-root';
import type { FakeRoot } from '../ops/support/fake-root';

const GPU: PersistedDevice = { device: '0000:01:00.0', driver: 'vfio-pci', ids: { vendor: '0x10de', device: '0x1f08', subsystemVendor: '0x1462', subsystemDevice: '0x3754' } };
const VF_ON_VFIO: PersistedDevice = { device: '0000:04:00.3', driver: 'vfio-pci', ids: { vendor: '0x15b3', device: '0x1018', subsystemVendor: '0x15b3', subsystemDevice: '0x0003' } };

let fake: FakeRoot;
beforeEach(() => {
  fake = makeFakeRoot();
});
afterEach(() => fake.remove());

function ids(address: string): PersistedDevice['ids'] {
  const read = (name: string) => fs.readFileSync(path.join(fake.root, 'sys/bus/pci/devices', address, name), 'utf8').trim();
  return { vendor: read('vendor'), device: read('device'), subsystemVendor: read('subsystem_vendor'), subsystemDevice: read('subsystem_device') };
}

function restore(devices: readonly PersistedDevice[], only?: string, modprobe: string[] = [], registers: Record<string, string> = {}) {
  writePersisted(fake.root, { version: 1, devices });
  const before = snapshot(fake.root);
  const answer = performVerb(testContext(fake.root, fakeModprobe(fake.root, modprobe, registers)), { verb: 'restore', device: only });
  const changed = changedEntries(before, snapshot(fake.root)).filter((e) => !/^(run|var)(\/|$)/.test(e));
  return { answer, changed };
}

describe('restore', () => {
  it('leaves alone a device that is absent, a different card, and one already on its driver', () => {
    const vf = { ...VF_ON_VFIO, ids: ids('0000:04:00.3') };
    const { answer, changed } = restore([
      { ...GPU, device: '0000:09:00.0' },
      { ...GPU, device: '0000:02:00.0', driver: 'nvme' },
      vf,
    ]);
    expect(answer).toMatchObject({ status: 'done', results: [], summary: '0 device(s) put on their kept driver, 3 left as they were.' });
    expect(answer.restored.map((r) => [r.device, r.outcome])).toEqual([['0000:09:00.0', 'absent'], ['0000:02:00.0', 'different-card'], ['0000:04:00.3', 'already']]);
    expect(answer.restored[1]?.detail).toMatch(/The card there now is 0x144d:0xa808 .* not the kept 0x10de:0x1f08/);
    expect(changed).toEqual([]);
  });

  it('sets the override of a device already bound to its driver', () => {
    const address = '0000:04:00.2';
    const { answer, changed } = restore([{ device: address, driver: 'mlx5_core', ids: ids(address) }]);
    expect(answer.status).toBe('done');
    expect(answer.restored).toEqual([{ device: address, driver: 'mlx5_core', outcome: 'restored', detail: 'Put on mlx5_core.' }]);
    expect(changed).toEqual([`${deviceDir(fake.root, address)}/driver_override`]);
    expect(fs.readFileSync(path.join(fake.root, deviceDir(fake.root, address), 'driver_override'), 'utf8')).toBe('mlx5_core\n');
  });

  it('moves a device from another driver with override, unbind and drivers_probe, and checks that it moved', () => {
    const { answer, changed } = restore([GPU]);
    expect(answer.results.map((r) => r.operation)).toEqual([
      { kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'vfio-pci' },
      { kind: 'unbind', device: 'pci/0000:01:00.0', driver: 'nouveau' },
      { kind: 'probe', device: 'pci/0000:01:00.0' },
    ]);
    expect(changed).toEqual(['sys/bus/pci/drivers/nouveau/unbind', 'sys/bus/pci/drivers_probe', `${deviceDir(fake.root, '0000:01:00.0')}/driver_override`]);
    expect(fs.readFileSync(path.join(fake.root, 'sys/bus/pci/drivers/nouveau/unbind'), 'utf8')).toBe('0000:01:00.0\n');
    expect(fs.readFileSync(path.join(fake.root, 'sys/bus/pci/drivers_probe'), 'utf8')).toBe('0000:01:00.0\n');
    // No kernel here binds it: the read-back says so, and the answer is a failure.
    expect(answer).toMatchObject({ status: 'failed', error: { errno: 'EIO' } });
    expect(answer.restored).toEqual([{ ...{ device: GPU.device, driver: 'vfio-pci' }, outcome: 'failed', detail: 'After drivers_probe it is on nouveau, not on vfio-pci.' }]);
    expect(auditLines(fake.root).map((line) => (line as { verb: string }).verb)).toEqual(['restore', 'restore', 'restore']);
  });

  it('loads the module of a driver that is not registered yet, then moves the device', () => {
    const modprobe: string[] = [];
    const { answer } = restore([{ ...GPU, driver: 'vfio_pci_variant' }], undefined, modprobe, { vfio_pci_variant: 'vfio_pci_variant' });
    expect(modprobe).toEqual(['vfio_pci_variant']);
    expect(answer.results.map((r) => r.operation.kind)).toEqual(['load-module', 'set-override', 'unbind', 'probe']);
  });

  it('stops for a device whose module does not load, and goes on with the others', () => {
    const address = '0000:04:00.2';
    const { answer } = restore([{ ...GPU, driver: 'nosuch' }, { device: address, driver: 'mlx5_core', ids: ids(address) }]);
    expect(answer.restored.map((r) => [r.outcome, r.detail])).toEqual([
      ['failed', 'modprobe nosuch: Module nosuch not found'],
      ['restored', 'Put on mlx5_core.'],
    ]);
    expect(answer).toMatchObject({ status: 'failed', summary: '1 kept device(s) could not be put on their driver' });
  });

  it('restores only the device it is asked for', () => {
    const address = '0000:04:00.2';
    const { answer } = restore([GPU, { device: address, driver: 'mlx5_core', ids: ids(address) }], address);
    expect(answer.restored.map((r) => r.device)).toEqual([address]);
    expect(restore([GPU], '0000:09:00.0').answer).toMatchObject({ status: 'done', summary: '0000:09:00.0 is not kept; nothing to do.' });
  });

  it('does nothing when nothing is kept, and fails plainly on a damaged list', () => {
    expect(performVerb(testContext(fake.root), { verb: 'restore' })).toMatchObject({ status: 'done', summary: 'No devices are kept; nothing to do.' });
    fs.mkdirSync(path.dirname(persistedPath(fake.root)), { recursive: true });
    fs.writeFileSync(persistedPath(fake.root), '[]');
    expect(performVerb(testContext(fake.root), { verb: 'restore' })).toMatchObject({ status: 'failed', error: { title: 'The list of kept devices is damaged' } });
  });
});
