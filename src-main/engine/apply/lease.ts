// One run's hold on a host's journal: claimed when a plan starts (or taken
// over from an interrupted plan), written before every step, ended with the
// plan. While a run holds it no other run, in this process or another,
// applies anything to that host.
import type { BinderyError, Result } from '../../../src-shared/errors';
import { BinderyFailure, bindery, toBinderyError } from '../../../src-shared/errors';
import type { Plan } from '../../../src-shared/plan';
import type { Journal, JournalProgress, JournalRecord } from './journal';
import { JOURNAL_VERSION } from './journal';
import type { Owner } from './owner';
import { ownerRunning, startRunning, stopRunning } from './owner';
import type { DeviceBefore } from './plan-states';

export type Claim = { readonly ok: true; readonly lease: Lease } | { readonly ok: false; readonly error: BinderyError };

function busy(record: JournalRecord): BinderyError {
  return bindery('REFUSED', 'Busy', `Another Bindery (process ${record.owner.pid}) is applying “${record.plan.summary}” to ${record.hostId} now.`,
    'Nothing was changed. Wait for it to finish, then make a new plan.');
}

function waiting(record: JournalRecord): BinderyError {
  return bindery('REFUSED', 'An interrupted change is waiting',
    `“${record.plan.summary}” stopped after step ${record.stepsDone} of ${record.plan.steps.length} on ${record.hostId}.`,
    'Nothing was changed. Finish or undo the interrupted change first.');
}

function lost(hostId: string): BinderyFailure {
  return new BinderyFailure(bindery('INTERNAL', 'Journal taken away',
    `The journal of the plan in progress on ${hostId} was removed or replaced by someone else.`,
    'Check the devices of this change by hand before changing anything else.'));
}

export class Lease {
  private constructor(
    private readonly journal: Journal,
    private current: JournalRecord,
  ) {}

  /**
   * Claims the host's journal for a new plan. `start` runs holding the lock
   * once no other plan is in progress, so what it reads from the host cannot
   * be changed by another run before the first step: it returns every device
   * of the plan as it is now, or why the plan may not start.
   */
  static claim(journal: Journal, plan: Plan, start: () => Result<readonly DeviceBefore[]>): Claim {
    return Lease.take(journal, plan.hostId, (owner, found) => {
      if (found !== null) return { ok: false, error: ownerRunning(found.owner) ? busy(found) : waiting(found) };
      const devices = start();
      if (!devices.ok) return devices;
      const now = new Date().toISOString();
      return {
        ok: true,
        value: {
          version: JOURNAL_VERSION, hostId: plan.hostId, owner, plan, devices: devices.value, startedAt: now, updatedAt: now,
          stepsDone: 0, phase: 'applying', step: null, failedStep: null,
        },
      };
    });
  }

  /** Takes over the journal of an interrupted plan, whose run is gone. */
  static adopt(journal: Journal, hostId: string, planId: string): Claim {
    return Lease.take(journal, hostId, (owner, found) => {
      if (found === null || found.plan.id !== planId) {
        return { ok: false, error: bindery('REFUSED', 'Nothing to recover', `No interrupted plan ${planId} is waiting on ${hostId}.`,
          'Another Bindery may have finished or undone it; look at the devices and the history.') };
      }
      if (ownerRunning(found.owner)) return { ok: false, error: busy(found) };
      return { ok: true, value: { ...found, owner, updatedAt: new Date().toISOString() } };
    });
  }

  /** Nothing is performed before a claim succeeds, so whatever stops it (a damaged journal, a lock held too long) is a refusal. */
  private static take(journal: Journal, hostId: string, decide: (owner: Owner, found: JournalRecord | null) => Result<JournalRecord>): Claim {
    const owner = startRunning();
    let decided: Result<JournalRecord>;
    try {
      decided = journal.locked(hostId, () => {
        const result = decide(owner, journal.read(hostId));
        if (result.ok) journal.write(result.value);
        return result;
      });
    } catch (thrown) {
      decided = { ok: false, error: toBinderyError(thrown) };
    }
    if (decided.ok) return { ok: true, lease: new Lease(journal, decided.value) };
    stopRunning(owner);
    return decided;
  }

  get record(): JournalRecord {
    return this.current;
  }

  /** Records where the run is, before it does it. */
  write(progress: JournalProgress): void {
    this.whileOwned(() => {
      this.current = { ...this.current, ...progress, updatedAt: new Date().toISOString() };
      this.journal.write(this.current);
    });
  }

  /** The plan ended, either way: its journal goes. */
  end(): void {
    try {
      this.whileOwned(() => this.journal.remove(this.current.hostId));
    } finally {
      stopRunning(this.current.owner);
    }
  }

  /** This run stops without ending the plan (it was cancelled, or failed unexpectedly): the journal stays for recovery. */
  release(): void {
    stopRunning(this.current.owner);
  }

  private whileOwned(action: () => void): void {
    const { hostId, owner } = this.current;
    this.journal.locked(hostId, () => {
      if (this.journal.read(hostId)?.owner.token !== owner.token) throw lost(hostId);
      action();
    });
  }
}
