// The history of applied plans: per host, newest first, in
// $XDG_STATE_HOME/bindery/history; what undo undoes and where return-to-host
// finds the driver a device had before VFIO.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceId } from '../../../../../src-shared/model';
import type { DriverState, HistoryEntry, OutcomeStatus, Plan } from '../../../../../src-shared/plan';
import { HISTORY_VERSION, HistoryStore, MAX_ENTRIES } from '../../../../../src-main/engine/apply/history';
import { cleanLabs, lab } from './support/lab';

afterEach(cleanLabs);

let count = 0;

function entry(hostId: string, moves: Readonly<Record<DeviceId, readonly [DriverState['driver'], DriverState['driver']]>>, status: OutcomeStatus = 'done'): HistoryEntry {
  count += 1;
  const id = `plan-${count}`;
  const plan: Plan = {
    id, goal: { kind: 'assign-vfio', devices: Object.keys(moves) }, hostId, createdAt: '2025-01-01T00:00:00.000Z', summary: id,
    devices: [], steps: [], findings: [],
  };
  const devices = Object.entries(moves).map(([device, [before, after]]) => ({
    device, before: { driver: before, override: null }, after: { driver: after, override: after },
  }));
  return {
    plan, undoneBy: null,
    outcome: { planId: id, status, stepsDone: 0, failedStep: null, error: null, devices, startedAt: plan.createdAt, finishedAt: plan.createdAt },
  };
}

describe('HistoryStore', () => {
  it('keeps each host’s plans newest first, in one file per host under the state directory', () => {
    const l = lab('workstation');
    const history = new HistoryStore();
    const first = entry('sim:workstation', { 'pci/0000:05:00.0': ['amdgpu', 'vfio-pci'] });
    const other = entry('tree:/srv/capture one', { 'pci/0000:01:00.0': ['nvme', 'vfio-pci'] });
    const second = entry('sim:workstation', { 'pci/0000:07:00.0': ['xhci_hcd', null] });
    for (const e of [first, other, second]) history.record(e);
    expect(history.list('sim:workstation')).toEqual([second, first]);
    expect(history.last('sim:workstation')).toEqual(second);
    expect(history.list('tree:/srv/capture one')).toEqual([other]);
    expect(history.last('local')).toBeNull();
    expect(history.file('sim:workstation')).toBe(path.join(l.dir, 'bindery/history/sim%3Aworkstation.json'));
    expect(fs.readdirSync(path.join(l.dir, 'bindery/history')).filter((f) => f.endsWith('.json')).sort())
      .toEqual(['sim%3Aworkstation.json', 'tree%3A%2Fsrv%2Fcapture%20one.json']);
    expect(JSON.parse(fs.readFileSync(history.file('sim:workstation'), 'utf8'))).toEqual({ version: HISTORY_VERSION, hostId: 'sim:workstation', entries: [second, first] });
    // Another Bindery reads the same history.
    expect(new HistoryStore().list('sim:workstation')).toEqual([second, first]);
  });

  it('records a plan recorded again (by a recovery) once, as the newest', () => {
    lab('workstation');
    const history = new HistoryStore();
    const a = entry('sim:workstation', {});
    const b = entry('sim:workstation', {});
    history.record(a);
    history.record(b);
    const again = { ...a, outcome: { ...a.outcome, status: 'rolled-back' as const } };
    history.record(again);
    expect(history.list('sim:workstation')).toEqual([again, b]);
  });

  it('marks a plan undone on whichever host has it', () => {
    lab('workstation');
    const history = new HistoryStore();
    const a = entry('sim:workstation', {});
    const b = entry('sim:dpu', {});
    history.record(a);
    history.record(b);
    expect(history.markUndone(b.plan.id, 'undo-1')).toBe(true);
    expect(history.list('sim:dpu')[0]?.undoneBy).toBe('undo-1');
    expect(history.list('sim:workstation')[0]?.undoneBy).toBeNull();
    expect(history.markUndone('no-such-plan', 'undo-2')).toBe(false);
  });

  it('remembers the host driver from the newest plan that moved a device to VFIO and is not undone', () => {
    lab('workstation');
    const history = new HistoryStore();
    const gpu = 'pci/0000:05:00.0';
    const audio = 'pci/0000:05:00.1';
    const nic = 'pci/0000:06:00.0';
    history.record(entry('sim:workstation', { [gpu]: ['radeon', 'vfio-pci'], [audio]: ['snd_hda_intel', 'vfio-pci'] }));
    const undone = entry('sim:workstation', { [audio]: ['snd_hda_codec', 'vfio-pci'] });
    history.record(undone);
    history.markUndone(undone.plan.id, 'later');
    history.record(entry('sim:workstation', { [gpu]: ['amdgpu', 'vfio-pci'] }));
    // Between two VFIO drivers, or from no driver: says nothing of the host driver.
    history.record(entry('sim:workstation', { [gpu]: ['vfio-pci', 'mlx5_vfio_pci'], [nic]: [null, 'vfio-pci'] }));
    // Failed plans moved nothing.
    history.record(entry('sim:workstation', { [audio]: ['snd_sof', 'vfio-pci'] }, 'rolled-back'));
    expect(history.remembered('sim:workstation')).toEqual(new Map([[gpu, 'amdgpu'], [audio, 'snd_hda_intel']]));
    expect(history.remembered('sim:dpu')).toEqual(new Map());
  });

  it('refuses an unreadable history with a way out', () => {
    lab('workstation');
    const history = new HistoryStore();
    fs.mkdirSync(history.dir, { recursive: true });
    fs.writeFileSync(history.file('sim:workstation'), '{"version": 1, "entries": "no"}');
    expect(() => history.list('sim:workstation')).toThrow(/cannot be read/);
    expect(() => history.record(entry('sim:workstation', {}))).toThrow(expect.objectContaining({
      error: expect.objectContaining({ code: 'BAD_INPUT', remedy: expect.stringContaining(`Move ${history.file('sim:workstation')}`) }),
    }));
  });
});

describe('history size', () => {
  it('keeps the newest entries up to the cap, so the file never grows without bound', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-history-cap-'));
    const store = new HistoryStore(dir);
    const entry = (n: number) => ({
      plan: { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, goal: { kind: 'unbind' as const, device: 'pci/0000:01:00.0' }, hostId: 'sim:cap', createdAt: '', summary: `plan ${n}`, devices: [], steps: [], findings: [] },
      outcome: { planId: '', status: 'done' as const, stepsDone: 0, failedStep: null, error: null, devices: [], startedAt: '', finishedAt: '' },
      undoneBy: null,
    });
    for (let n = 0; n < MAX_ENTRIES + 5; n += 1) store.record(entry(n));
    const kept = store.list('sim:cap');
    expect(kept).toHaveLength(MAX_ENTRIES);
    expect(kept[0]?.plan.summary).toBe(`plan ${MAX_ENTRIES + 4}`);
  });
});
