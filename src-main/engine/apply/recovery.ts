// An interrupted plan (Bindery or the machine stopped half-way) is found by
// its journal at the next start, then finished or undone. The journal only
// says roughly where it stopped (a step in progress may or may not have
// happened, a reboot undoes everything), so both read the host and place it
// on the plan's path: the host after k steps, for the k that matches.
import type { ApplyProgress, InterruptedPlan, Outcome } from '../../../src-shared/plan';
import type { Host } from '../host/host';
import { mismatchText } from './check-text';
import type { HistoryStore } from './history';
import { HostReader } from './host-reader';
import type { Journal } from './journal';
import { Lease } from './lease';
import type { Ending } from './outcome';
import { conclude, outcomeOf, rollbackFailed, stepFailed, unrestored, untouched } from './outcome';
import { ownerRunning } from './owner';
import { positionsOf } from './plan-states';
import type { Run } from './run-steps';
import { rollBack, runForward, startRun } from './run-steps';
import { planProblem } from './refusal';

export interface RecoveryOptions {
  readonly journal: Journal;
  readonly history: HistoryStore;
  readonly onProgress?: (progress: ApplyProgress) => void;
}

/** The plan that stopped half-way on this host; null when none did (or its run is still going). */
export function findInterrupted(journal: Journal, hostId: string): InterruptedPlan | null {
  const record = journal.read(hostId);
  if (record === null || ownerRunning(record.owner)) return null;
  return { plan: record.plan, stepsDone: record.stepsDone, startedAt: record.startedAt };
}

/**
 * Continues from the furthest point of the plan the host is at, verifying
 * each step and rolling back on failure, as applying does. A host that is at
 * no point of the plan (someone changed it meanwhile) cannot be finished
 * safely: what of the plan is in effect is undone instead.
 */
export function finishInterrupted(interrupted: InterruptedPlan, host: Host, options: RecoveryOptions): Promise<Outcome> {
  return recover(interrupted, host, options, async (run) => {
    const total = run.plan.steps.length;
    const reader = new HostReader(host);
    const at = positionsOf(reader, run.states).at(-1);
    if (at === undefined) {
      // Said against where the journal says it stopped: before or after the step in progress, whichever is closer.
      const differences = (k: number) => [...(run.states[k]?.values() ?? [])].filter((c) => !reader.holds(c)).map((c) => mismatchText(c, reader, false));
      const done = Math.min(run.lease.record.stepsDone, total);
      const where = done < total && differences(done + 1).length < differences(done).length ? done + 1 : done;
      const reason = `The host is not where the plan stopped (after step ${where}): ${differences(where).join('; ')}; it cannot be finished`;
      return undo(run, total - 1, { reason, step: null, stepsDone: done }, true);
    }
    const forward = await runForward(run, at);
    if (forward.kind === 'cancelled') return null;
    if (forward.kind === 'done') return { status: 'done', stepsDone: total, failedStep: null, error: null };
    // Steps were performed by this run: a declined undo is no longer "nothing changed".
    return undo(run, forward.step, { reason: forward.reason, step: forward.step, stepsDone: forward.step }, false);
  });
}

/** Undoes, newest first, the steps whose changes are in effect, then checks every device is as it was before the plan. */
export function undoInterrupted(interrupted: InterruptedPlan, host: Host, options: RecoveryOptions): Promise<Outcome> {
  return recover(interrupted, host, options, (run) => {
    const at = positionsOf(new HostReader(host), run.states)[0] ?? run.plan.steps.length;
    return undo(run, at - 1, null, true);
  });
}

interface Failure {
  readonly reason: string;
  readonly step: number | null;
  readonly stepsDone: number;
}

/**
 * Undoes steps `top`..0 after `failure`, or because the user asked (null).
 * Null when `cancellable` and the first undo was declined: nothing changed.
 */
async function undo(run: Run, top: number, failure: Failure | null, cancellable: boolean): Promise<Ending | null> {
  const failedStep = failure?.step ?? null;
  const rollback = await rollBack(run, top, failedStep, cancellable);
  if (rollback.cancelled) return null;
  const stepsDone = failure?.stepsDone ?? top + 1;
  if (unrestored(run.host, run.devices).length === 0) {
    return { status: 'rolled-back', stepsDone, failedStep, error: failure === null ? null : stepFailed(run.plan, failure.reason) };
  }
  const what = failure?.reason ?? `“${run.plan.summary}” was interrupted, and undoing it did not bring every device back`;
  return { status: 'rollback-failed', stepsDone, failedStep, error: rollbackFailed(run.host, run.devices, what, rollback.problems) };
}

async function recover(
  interrupted: InterruptedPlan,
  host: Host,
  options: RecoveryOptions,
  act: (run: Run) => Promise<Ending | null>,
): Promise<Outcome> {
  const startedAt = new Date().toISOString();
  const finished = (outcome: Outcome): Outcome => {
    options.onProgress?.({ planId: outcome.planId, step: outcome.stepsDone, total: interrupted.plan.steps.length, phase: 'finished' });
    return outcome;
  };
  const problem = planProblem(interrupted.plan, host);
  if (problem !== null) return finished(untouched(interrupted.plan, null, 'refused', problem, startedAt));
  const claim = Lease.adopt(options.journal, interrupted.plan.hostId, interrupted.plan.id);
  if (!claim.ok) return finished(untouched(interrupted.plan, host, 'refused', claim.error, startedAt));
  const { lease } = claim;
  // The journal's copy is the plan that was running.
  const { plan } = lease.record;
  let over = false;
  try {
    const run = startRun(plan, host, lease, options.onProgress);
    const ended = await act(run);
    // Cancelled: nothing changed and the plan is still interrupted; its journal stays.
    if (ended === null) return finished(untouched(plan, host, 'cancelled', null, startedAt));
    const outcome = outcomeOf(plan, host, run.devices, ended, lease.record.startedAt);
    conclude(lease, options.history, outcome);
    over = true;
    return finished(outcome);
  } finally {
    if (!over) lease.release();
  }
}
