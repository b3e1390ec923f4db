// Applying a plan: refuse it if a safety finding or a changed host says so;
// otherwise run its steps, each journaled before and verified after; on any
// failure undo what was done and check every device is back as it was.
import type { ApplyProgress, Outcome, Plan } from '../../../src-shared/plan';
import type { Host } from '../host/host';
import type { HistoryStore } from './history';
import { HostReader } from './host-reader';
import type { Journal } from './journal';
import { Lease } from './lease';
import { conclude, outcomeOf, rollbackFailed, stepFailed, unrestored, untouched } from './outcome';
import { findingsRefusal, planProblem, staleness } from './refusal';
import { rollBack, runForward, startRun } from './run-steps';

export interface ApplyOptions {
  /** Refusing findings that are forceable may be overridden. */
  readonly force: boolean;
  /** Where progress is written before each step. */
  readonly journal: Journal;
  /** Where the outcome is recorded. */
  readonly history: HistoryStore;
  readonly onProgress?: (progress: ApplyProgress) => void;
}

/**
 * Applies `plan` to `host`. Resolves to the outcome whatever happened on the
 * host; rejects only when the run itself stops unexpectedly (the host threw
 * instead of answering), and then the journal stays for recovery.
 * Refused and cancelled plans change nothing and are not recorded in the history.
 */
export async function applyPlan(plan: Plan, host: Host, options: ApplyOptions): Promise<Outcome> {
  const startedAt = new Date().toISOString();
  const finished = (outcome: Outcome): Outcome => {
    options.onProgress?.({ planId: plan.id, step: outcome.stepsDone, total: plan.steps.length, phase: 'finished' });
    return outcome;
  };
  const problem = planProblem(plan, host);
  if (problem !== null) return finished(untouched(plan, null, 'refused', problem, startedAt));
  const refusal = findingsRefusal(plan, options.force);
  if (refusal !== null) return finished(untouched(plan, host, 'refused', refusal, startedAt));

  const claim = Lease.claim(options.journal, plan, () => {
    const reader = new HostReader(host);
    const stale = staleness(plan, reader);
    if (stale !== null) return { ok: false, error: stale };
    // Every reading is good: staleness() found each device as the plan expects.
    return { ok: true, value: plan.devices.flatMap(({ device }) => {
      const reading = reader.device(device);
      return reading.ok ? [{ device, before: reading.state }] : [];
    }) };
  });
  if (!claim.ok) return finished(untouched(plan, host, 'refused', claim.error, startedAt));

  const { lease } = claim;
  let over = false;
  try {
    const run = startRun(plan, host, lease, options.onProgress);
    const forward = await runForward(run, 0);
    if (forward.kind === 'cancelled') {
      lease.end();
      over = true;
      return finished(untouched(plan, host, 'cancelled', null, startedAt));
    }
    let outcome: Outcome;
    if (forward.kind === 'done') {
      outcome = outcomeOf(plan, host, run.devices, { status: 'done', stepsDone: plan.steps.length, failedStep: null, error: null }, startedAt);
    } else {
      const rollback = await rollBack(run, forward.step, forward.step, false);
      const back = unrestored(host, run.devices).length === 0;
      outcome = outcomeOf(plan, host, run.devices, {
        status: back ? 'rolled-back' : 'rollback-failed',
        stepsDone: forward.step,
        failedStep: forward.step,
        error: back ? stepFailed(plan, forward.reason) : rollbackFailed(host, run.devices, forward.reason, rollback.problems),
      }, startedAt);
    }
    conclude(lease, options.history, outcome);
    over = true;
    return finished(outcome);
  } finally {
    // Stopped by a throw: the plan is not over, and whoever starts next finds its journal.
    if (!over) lease.release();
  }
}
