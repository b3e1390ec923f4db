// What one plan of the sequence did on a host, in a form that compares
// between the real kernel and the simulator: the steps as operations, the
// findings, the outcome, and the state anyone can observe afterwards.
import type { Operation, Outcome, Plan } from '../../../src-shared/plan';
import type { ObservedState } from './observe';

export interface PlanRecord {
  readonly move: string;
  readonly steps: readonly string[];
  /** `severity:code` of every finding. */
  readonly findings: readonly string[];
  readonly status: string;
  /** Why it failed or was refused, in words (diagnosis only: not compared). */
  readonly error: string | null;
  readonly state: ObservedState;
}

function describe(operation: Operation): string {
  switch (operation.kind) {
    case 'set-override': return `set-override ${operation.device} ${operation.driver ?? '(clear)'}`;
    case 'unbind': case 'bind': return `${operation.kind} ${operation.device} ${operation.driver}`;
    case 'probe': return `probe ${operation.device}`;
    case 'load-module': return `load-module ${operation.module}`;
  }
}

export function planRecord(move: string, plan: Plan, outcome: Outcome, state: ObservedState): PlanRecord {
  return {
    move,
    steps: plan.steps.map((step) => describe(step.operation)),
    findings: plan.findings.map((f) => `${f.severity}:${f.code}`),
    status: outcome.status,
    error: outcome.error === null ? null : `${outcome.error.title}: ${outcome.error.detail}`,
    state,
  };
}
