// Running a plan's steps on a host, forwards and backwards. Each step is
// journaled before it is performed, and read back afterwards: the kernel's
// answer to a write is not proof that anything bound (kernel-abi.md 1.3).
import type { ApplyProgress, Operation, Plan } from '../../../src-shared/plan';
import type { Host, OperationResult } from '../host/host';
import { mismatchText } from './check-text';
import { HostReader } from './host-reader';
import type { Lease } from './lease';
import type { DeviceBefore, ExpectedState } from './plan-states';
import { changesOf, expectedStates, priorFacts } from './plan-states';

export interface Run {
  readonly plan: Plan;
  readonly host: Host;
  readonly lease: Lease;
  /** Every device of the plan as it was when the plan started. */
  readonly devices: readonly DeviceBefore[];
  /** `states[k]`: the host after k steps. */
  readonly states: readonly ExpectedState[];
  readonly progress: (step: number, phase: ApplyProgress['phase']) => void;
}

export function startRun(plan: Plan, host: Host, lease: Lease, onProgress: ((progress: ApplyProgress) => void) | undefined): Run {
  const devices = lease.record.devices;
  return {
    plan, host, lease, devices,
    states: expectedStates(plan, devices),
    progress: (step, phase) => onProgress?.({ planId: plan.id, step, total: plan.steps.length, phase }),
  };
}

export type Forward =
  | { readonly kind: 'done' }
  /** The run's first write was declined (authentication cancelled): nothing changed. */
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly step: number; readonly reason: string };

export interface Rollback {
  /** The first undo was declined (authentication cancelled) before anything was undone. */
  readonly cancelled: boolean;
  /** Undos that failed or did not restore what they should; whether every device is back is checked apart. */
  readonly problems: readonly string[];
}

function perform(host: Host, operation: Operation): Promise<OperationResult> {
  // planProblem() refuses hosts without perform before any run starts.
  if (host.perform === undefined) throw new Error(`${host.info.id} cannot perform operations`);
  return host.perform(operation);
}

function answer(result: { readonly errno: string; readonly message: string }): string {
  return result.message.includes(result.errno) ? result.message : `${result.message} (${result.errno})`;
}

/** Performs steps `from`.. in order, each checked before and verified after; stops at the first failure. */
export async function runForward(run: Run, from: number): Promise<Forward> {
  const { plan, host, lease } = run;
  for (const step of plan.steps.slice(from)) {
    const i = step.index;
    const what = `Step ${i + 1} (${step.description})`;
    // Holds unless something else changed the host since the step before.
    const now = new HostReader(host);
    const unmet = step.preconditions.filter((check) => !now.holds(check));
    if (unmet.length > 0) {
      return { kind: 'failed', step: i, reason: `Before step ${i + 1} (${step.description}), ${unmet.map((c) => mismatchText(c, now, false)).join('; ')}` };
    }
    lease.write({ stepsDone: i, phase: 'applying', step: i, failedStep: null });
    run.progress(i, 'applying');
    const result = await perform(host, step.operation);
    if (!result.ok) {
      if (result.errno === 'ECANCELED' && i === from) return { kind: 'cancelled' };
      return { kind: 'failed', step: i, reason: `${what} failed: ${answer(result)}` };
    }
    run.progress(i, 'verifying');
    const after = new HostReader(host);
    const missing = step.expect.filter((check) => !after.holds(check));
    if (missing.length > 0) {
      return { kind: 'failed', step: i, reason: `${what} was accepted but did not take effect: ${missing.map((c) => mismatchText(c, after, false)).join('; ')}` };
    }
  }
  return { kind: 'done' };
}

/**
 * Undoes steps `top` down to 0 with their inverses: each one whose change is
 * in effect (a step that never happened, or was undone already, is left
 * alone), journaled first and verified after. Carries on past a failed undo
 * so that as much as possible is put back.
 */
export async function rollBack(run: Run, top: number, failedStep: number | null, cancellable: boolean): Promise<Rollback> {
  const { plan, host, lease, states } = run;
  const problems: string[] = [];
  let undone = 0;
  for (const step of plan.steps.slice(0, top + 1).reverse()) {
    const j = step.index;
    const before = states[j];
    if (step.inverse === null || before === undefined) continue;
    const changes = changesOf(step, before);
    const now = new HostReader(host);
    if (!changes.some((check) => now.holds(check))) continue;
    lease.write({ stepsDone: j + 1, phase: 'rolling-back', step: j, failedStep });
    run.progress(j, 'rolling-back');
    const result = await perform(host, step.inverse);
    if (!result.ok) {
      if (cancellable && undone === 0 && result.errno === 'ECANCELED') return { cancelled: true, problems: [] };
      problems.push(`Undoing step ${j + 1} (${step.description}) failed: ${answer(result)}`);
      continue;
    }
    undone += 1;
    const after = new HostReader(host);
    const unrestored = priorFacts(changes, before).filter((check) => !after.holds(check));
    if (unrestored.length > 0) {
      problems.push(`Undoing step ${j + 1} (${step.description}) left ${unrestored.map((c) => mismatchText(c, after, false)).join('; ')}`);
    }
  }
  return { cancelled: false, problems };
}
