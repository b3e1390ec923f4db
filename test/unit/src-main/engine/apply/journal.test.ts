// The journal: one file per host under $XDG_STATE_HOME/bindery/journal,
// written before every step and every undo, gone when the plan ends; held by
// one run at a time, told apart from runs that stopped.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../../../../src-shared/plan';
import { applyPlan } from '../../../../../src-main/engine/apply/apply-plan';
import { hostFileName } from '../../../../../src-main/engine/apply/host-file-name';
import type { JournalRecord } from '../../../../../src-main/engine/apply/journal';
import { Journal } from '../../../../../src-main/engine/apply/journal';
import { Lease } from '../../../../../src-main/engine/apply/lease';
import { ownerRunning, startRunning, stopRunning } from '../../../../../src-main/engine/apply/owner';
import type { Host, OperationResult } from '../../../../../src-main/engine/host/host';
import { makePlan } from './support/cases';
import { faulty } from './support/faulty-host';
import { cleanLabs, lab } from './support/lab';

afterEach(cleanLabs);

/** The host, noting the journal as it stood when each operation reached it. */
function witnessed(inner: Host, journal: Journal): { readonly host: Host; readonly seen: (readonly [Operation, JournalRecord | null])[] } {
  const seen: (readonly [Operation, JournalRecord | null])[] = [];
  return {
    seen,
    host: {
      info: inner.info,
      get source() {
        return inner.source;
      },
      scan: () => inner.scan(),
      facts: () => inner.facts(),
      perform: (operation): Promise<OperationResult> => {
        seen.push([operation, journal.read(inner.info.id)]);
        if (inner.perform === undefined) throw new Error('cannot perform');
        return inner.perform(operation);
      },
    },
  };
}

describe('host file names', () => {
  it('are the host id, percent-encoded: readable, distinct, never a path', () => {
    expect(hostFileName('sim:workstation')).toBe('sim%3Aworkstation');
    expect(hostFileName('local')).toBe('local');
    expect(hostFileName('tree:/home/me/../x')).toBe('tree%3A%2Fhome%2Fme%2F..%2Fx');
    const long = `tree:/${'deep/'.repeat(80)}`;
    const longer = `${long}x`;
    expect(hostFileName(long).length).toBeLessThanOrEqual(120);
    expect(hostFileName(long)).not.toBe(hostFileName(longer));
    expect(hostFileName(long)).not.toContain('/');
  });
});

describe('the journal of a plan in progress', () => {
  it('is written before each step and each undo, saying what is about to happen, and removed at the end', async () => {
    const l = lab('workstation');
    const plan = await makePlan({ kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] }, l.host(), l.history);
    const { host, seen } = witnessed(faulty(l.host(), [4, 'errno']), l.journal);
    await applyPlan(plan, host, { force: false, journal: l.journal, history: l.history });
    expect(l.journal.file('sim:workstation')).toBe(path.join(l.dir, 'bindery/journal/sim%3Aworkstation.json'));
    const progress = seen.map(([operation, record]) => [operation.kind, record?.phase, record?.step, record?.stepsDone, record?.failedStep]);
    expect(progress).toEqual([
      ['unbind', 'applying', 0, 0, null],
      ['set-override', 'applying', 1, 1, null],
      ['probe', 'applying', 2, 2, null],
      ['unbind', 'applying', 3, 3, null],
      ['set-override', 'applying', 4, 4, null],
      // Step 5 failed: steps 4..1 are undone (step 5 never took effect).
      ['bind', 'rolling-back', 3, 4, 4],
      ['unbind', 'rolling-back', 2, 3, 4],
      ['set-override', 'rolling-back', 1, 2, 4],
      ['bind', 'rolling-back', 0, 1, 4],
    ]);
    const first = seen[0]?.[1];
    expect(first).toMatchObject({ version: 1, hostId: 'sim:workstation', plan, owner: { pid: process.pid } });
    expect(first?.devices).toEqual([
      { device: 'pci/0000:05:00.0', before: { driver: 'amdgpu', override: null } },
      { device: 'pci/0000:05:00.1', before: { driver: 'snd_hda_intel', override: null } },
    ]);
    expect(l.journal.read('sim:workstation')).toBeNull();
    expect(fs.readdirSync(l.journal.dir)).toEqual([]);
  });

  it('refuses a damaged journal with a way out, and applies nothing while it is there', async () => {
    const l = lab('workstation');
    const plan = await makePlan({ kind: 'unbind', device: 'pci/0000:07:00.0' }, l.host(), l.history);
    fs.mkdirSync(l.journal.dir, { recursive: true });
    for (const text of ['{"version": 1', JSON.stringify({ version: 1, hostId: 'sim:dpu' })]) {
      fs.writeFileSync(l.journal.file('sim:workstation'), text);
      const unreadable = expect.objectContaining({ title: 'Journal unreadable', remedy: expect.stringContaining(`then delete ${l.journal.file('sim:workstation')}`) });
      expect(() => l.journal.read('sim:workstation')).toThrow(expect.objectContaining({ error: unreadable }));
      expect(await applyPlan(plan, l.host(), { force: false, journal: l.journal, history: l.history })).toMatchObject({ status: 'refused', error: unreadable });
    }
    expect((await l.host().scan()).devices.find((d) => d.id === 'pci/0000:07:00.0')?.driver).toBe('xhci_hcd');
  });
});

describe('who holds the journal', () => {
  it('a run of this process holds it until it stops; then its journal is an interrupted plan, for one taker only', async () => {
    const l = lab('workstation');
    const plan = await makePlan({ kind: 'unbind', device: 'pci/0000:07:00.0' }, l.host(), l.history);
    const claim = Lease.claim(l.journal, plan, () => ({ ok: true, value: [] }));
    if (!claim.ok) throw new Error(claim.error.detail);
    expect(Lease.claim(new Journal(), plan, () => ({ ok: true, value: [] }))).toMatchObject({ ok: false, error: { title: 'Busy' } });
    expect(Lease.adopt(new Journal(), plan.hostId, plan.id)).toMatchObject({ ok: false, error: { title: 'Busy' } });
    claim.lease.release();
    expect(Lease.claim(new Journal(), plan, () => ({ ok: true, value: [] }))).toMatchObject({ ok: false, error: { title: 'An interrupted change is waiting' } });
    const taken = Lease.adopt(new Journal(), plan.hostId, plan.id);
    expect(taken.ok).toBe(true);
    expect(Lease.adopt(new Journal(), plan.hostId, plan.id)).toMatchObject({ ok: false, error: { title: 'Busy' } });
    if (taken.ok) taken.lease.end();
    expect(Lease.adopt(new Journal(), plan.hostId, plan.id)).toMatchObject({ ok: false, error: { title: 'Nothing to recover' } });
  });

  it('a run that finds its journal taken away stops', async () => {
    const l = lab('workstation');
    const plan = await makePlan({ kind: 'unbind', device: 'pci/0000:07:00.0' }, l.host(), l.history);
    const claim = Lease.claim(l.journal, plan, () => ({ ok: true, value: [] }));
    if (!claim.ok) throw new Error(claim.error.detail);
    l.journal.remove(plan.hostId);
    expect(() => claim.lease.write({ stepsDone: 0, phase: 'applying', step: 0, failedStep: null })).toThrow(/removed or replaced/);
    claim.lease.release();
  });

  it('a process is running while it lives in this boot', () => {
    const owner = startRunning();
    expect(ownerRunning(owner)).toBe(true);
    stopRunning(owner);
    expect(ownerRunning(owner)).toBe(false);
    const bootId = owner.bootId;
    expect(ownerRunning({ pid: process.ppid, token: 'x', bootId })).toBe(true);
    expect(ownerRunning({ pid: process.ppid, token: 'x', bootId: 'another boot' })).toBe(false);
    // Beyond pid_max: no such process.
    expect(ownerRunning({ pid: 4_194_305, token: 'x', bootId })).toBe(false);
  });
});
