// apply under the helper's lock on a fake root: operations in order, each
// checked just before it runs, stopping at the first that does not succeed,
// one audit line each, the lock released afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE, performVerb } from '../../../../../../src-main/engine/ops/privileged/perform-verb';
import { auditLines, deviceDir, fakeModprobe, makeFakeRoot, testContext } from '../support/fake-root';
import type { FakeRoot } from '../support/fake-root';

let fake: FakeRoot;
beforeEach(() => {
  fake = makeFakeRoot();
});
afterEach(() => fake.remove());

function read(rel: string): string {
  return fs.readFileSync(path.join(fake.root, rel), 'utf8');
}

describe('performVerb apply', () => {
  it('performs in order, a module load first registering the driver a later step names', () => {
    const calls: string[] = [];
    const context = testContext(fake.root, fakeModprobe(fake.root, calls, { pci_stub: 'stub-two' }));
    const answer = performVerb(context, {
      verb: 'apply',
      operations: [
        { kind: 'load-module', module: 'pci_stub' },
        { kind: 'set-override', device: 'pci/0000:03:00.0', driver: 'stub-two' },
        { kind: 'unbind', device: 'pci/0000:03:00.0', driver: 'igb' },
        { kind: 'probe', device: 'pci/0000:03:00.0' },
      ],
    });
    expect(answer).toMatchObject({ status: 'done', error: null, summary: 'Done: 4 operation(s).' });
    expect(answer.results.map((r) => r.result)).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    expect(calls).toEqual(['pci_stub']);
    expect(read(`${deviceDir(fake.root, '0000:03:00.0')}/driver_override`)).toMatch(/^stub-two\n/);
    expect(read('sys/bus/pci/drivers/igb/unbind')).toBe('0000:03:00.0\n');
    expect(read('sys/bus/pci/drivers_probe')).toBe('0000:03:00.0\n');
    expect(auditLines(fake.root)).toEqual(answer.results.map(({ operation }) => ({ who: 'uid 1000 via pkexec', verb: 'apply', what: operation, result: 'ok' })));
    expect(fs.readdirSync(path.join(fake.root, 'run/bindery'))).toEqual([]);
  });

  it('stops at the first refusal: what came before is reported done, nothing after runs', () => {
    const answer = performVerb(testContext(fake.root), {
      verb: 'apply',
      operations: [
        { kind: 'unbind', device: 'pci/0000:03:00.0', driver: 'igb' },
        { kind: 'bind', device: 'pci/0000:03:00.0', driver: 'nosuch' },
        { kind: 'probe', device: 'pci/0000:03:00.0' },
      ],
    });
    expect(answer.status).toBe('refused');
    expect(answer.error).toEqual({
      errno: 'ENOENT', title: 'Change refused', remedy: null,
      detail: 'There is no driver nosuch on the pci bus. The 1 operation(s) before it were done.',
    });
    expect(answer.results).toHaveLength(2);
    expect(read('sys/bus/pci/drivers_probe')).toBe('');
    expect(auditLines(fake.root)).toHaveLength(2);
  });

  it('reports a failed module load as failed, not refused', () => {
    const context = testContext(fake.root, fakeModprobe(fake.root, []));
    const answer = performVerb(context, { verb: 'apply', operations: [{ kind: 'load-module', module: 'nosuch' }] });
    expect(answer).toMatchObject({ status: 'failed', error: { errno: 'ENOENT', title: 'The change failed' } });
    expect(answer.error?.detail).toBe('modprobe nosuch: Module nosuch not found Nothing was changed.');
  });

  it('waits for a lock another live process holds, then refuses as busy', () => {
    fs.mkdirSync(path.dirname(path.join(fake.root, LOCK_FILE)), { recursive: true });
    // This very process holds it, so it is never taken over as stale.
    fs.writeFileSync(path.join(fake.root, LOCK_FILE), `${process.pid}\n`);
    // Two seconds pass at every look at the clock, so the ten-second wait is over at once.
    let now = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 2_000));
    let answer;
    try {
      answer = performVerb(testContext(fake.root), { verb: 'apply', operations: [{ kind: 'probe', device: 'pci/0000:03:00.0' }] });
    } finally {
      clock.mockRestore();
    }
    expect(now).toBeGreaterThan(10_000);
    expect(answer).toMatchObject({ status: 'refused', results: [], error: { errno: 'EBUSY', title: 'Busy' } });
    expect(read('sys/bus/pci/drivers_probe')).toBe('');
  });

  it('takes over a lock left by a process that died', () => {
    fs.mkdirSync(path.dirname(path.join(fake.root, LOCK_FILE)), { recursive: true });
    fs.writeFileSync(path.join(fake.root, LOCK_FILE), '999999999\n');
    const answer = performVerb(testContext(fake.root), { verb: 'apply', operations: [{ kind: 'probe', device: 'pci/0000:03:00.0' }] });
    expect(answer.status).toBe('done');
  });
});
