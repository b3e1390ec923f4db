// `bindery plan|apply|undo|history|recover`: changing a host through plans.
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { DeviceId, Snapshot } from '../../../src-shared/model';
import type { Goal, InterruptedAction, Outcome, Plan } from '../../../src-shared/plan';
import { findDevice } from '../../engine/service/find-device';
import type { ChangeService } from '../../engine/service/change-service';
import type { GoalSpec } from '../command-line';
import { EXIT_FAILED, EXIT_OK, EXIT_REFUSED } from '../exit-codes';
import { outcomeText, planText, refusals } from '../format/plan-text';
import { table } from '../format/table';

export interface RunResult {
  readonly stdout: string;
  readonly exitCode: number;
}

/** How the command talks to the person while it works. */
export interface Console {
  /** A progress line, on stderr. */
  progress(line: string): void;
  /** Asks a yes/no question on the terminal; null when there is no terminal to ask on. */
  confirm(question: string): Promise<boolean | null>;
}

export function goalOf(spec: GoalSpec, snapshot: Snapshot): Goal {
  const ids: DeviceId[] = spec.devices.map((query) => findDevice(snapshot, query).id);
  const first = ids[0] as DeviceId;
  switch (spec.kind) {
    case 'assign-vfio':
    case 'return-to-host':
      return { kind: spec.kind, devices: ids };
    case 'bind':
    case 'set-override':
      return { kind: spec.kind, device: first, driver: spec.driver ?? '' };
    case 'unbind':
    case 'clear-override':
      return { kind: spec.kind, device: first };
  }
}

function exitCodeOf(outcome: Outcome): number {
  switch (outcome.status) {
    case 'done':
      return EXIT_OK;
    case 'refused':
    case 'cancelled':
      return EXIT_REFUSED;
    case 'rolled-back':
    case 'rollback-failed':
      return EXIT_FAILED;
  }
}

export function planResult(plan: Plan, json: boolean): RunResult {
  return { stdout: json ? JSON.stringify(plan, null, 2) : planText(plan), exitCode: refusals(plan, false).length > 0 ? EXIT_REFUSED : EXIT_OK };
}

export async function applyWithReview(changes: ChangeService, plan: Plan, options: { yes: boolean; force: boolean; json: boolean }, io: Console): Promise<RunResult> {
  const shown = options.json ? '' : `${planText(plan)}\n`;
  const refused = refusals(plan, options.force);
  if (refused.length > 0) {
    const why = options.json ? JSON.stringify({ plan, refused }, null, 2) : `${shown}\nRefused by ${refused.length === 1 ? 'a safety check' : 'safety checks'}; nothing changed.`;
    return { stdout: why, exitCode: EXIT_REFUSED };
  }
  if (plan.steps.length === 0) return { stdout: options.json ? JSON.stringify(plan, null, 2) : shown.trimEnd(), exitCode: EXIT_OK };
  if (!options.yes) {
    io.progress(shown.trimEnd());
    const answer = await io.confirm(`Apply these ${plan.steps.length} steps? [y/N] `);
    if (answer === null) {
      throw new BinderyFailure(bindery('BAD_INPUT', 'Not confirmed', 'There is no terminal to ask whether to apply the plan.', 'Review it with "bindery plan", then add --yes.'));
    }
    if (!answer) return { stdout: 'Nothing changed.', exitCode: EXIT_REFUSED };
  }
  const stop = changes.onDidProgress((p) => {
    const step = plan.steps[p.step];
    if (p.phase === 'applying' && step) io.progress(`[${p.step + 1}/${p.total}] ${step.description}`);
    if (p.phase === 'rolling-back' && step) io.progress(`[undo ${p.step + 1}/${p.total}] ${step.description}`);
  });
  try {
    const outcome = await changes.applyPlan(plan.id, { force: options.force });
    return { stdout: options.json ? JSON.stringify(outcome, null, 2) : outcomeText(outcome), exitCode: exitCodeOf(outcome) };
  } finally {
    stop();
  }
}

export function historyText(changes: ChangeService, json: boolean): RunResult {
  const entries = changes.history();
  if (json) return { stdout: JSON.stringify(entries, null, 2), exitCode: EXIT_OK };
  if (entries.length === 0) return { stdout: 'No changes applied on this host yet.', exitCode: EXIT_OK };
  return {
    stdout: table(['WHEN', 'STATUS', 'CHANGE', 'UNDONE'], entries.map((e) => [
      e.outcome.finishedAt.replace('T', ' ').slice(0, 19), e.outcome.status, e.plan.summary, e.undoneBy ? 'yes' : '',
    ])),
    exitCode: EXIT_OK,
  };
}

export async function recover(changes: ChangeService, action: InterruptedAction | null, json: boolean): Promise<RunResult> {
  const interrupted = changes.interrupted();
  if (action === null) {
    if (!interrupted) return { stdout: json ? 'null' : 'No plan was left half-way.', exitCode: EXIT_OK };
    const text = `A plan stopped after ${interrupted.stepsDone} of ${interrupted.plan.steps.length} steps (started ${interrupted.startedAt}):\n${planText(interrupted.plan)}\n\nRun "bindery recover finish" to complete it, or "bindery recover undo" to put everything back.`;
    return { stdout: json ? JSON.stringify(interrupted, null, 2) : text, exitCode: EXIT_OK };
  }
  if (!interrupted) {
    throw new BinderyFailure(bindery('BAD_INPUT', 'Nothing interrupted', 'No plan was left half-way on this host.'));
  }
  const outcome = await changes.resolveInterrupted(action);
  return { stdout: json ? JSON.stringify(outcome, null, 2) : outcomeText(outcome), exitCode: exitCodeOf(outcome) };
}


