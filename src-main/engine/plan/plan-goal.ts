// Goals to plans: the one entry point. A pure function of its input: the
// same goal on the same host gives the same plan. Refusals are findings;
// only a goal that names a device or driver this host does not have throws.
import type { Finding, Goal, Plan } from '../../../src-shared/plan';
import { safetyFindings } from './checks/index';
import { PlanContext } from './context';
import type { Draft } from './draft';
import { finding, sortFindings } from './findings';
import { planAssignVfio } from './goals/assign-vfio';
import { planBind } from './goals/bind';
import { planClearOverride } from './goals/clear-override';
import { planReturnToHost } from './goals/return-to-host';
import { planSetOverride } from './goals/set-override';
import { planUnbind } from './goals/unbind';
import { planUndo } from './goals/undo';
import type { PlanInput } from './plan-input';

export type { PlanInput } from './plan-input';

function draftFor(ctx: PlanContext, goal: Goal): Draft {
  switch (goal.kind) {
    case 'assign-vfio': return planAssignVfio(ctx, goal.devices);
    case 'return-to-host': return planReturnToHost(ctx, goal.devices);
    case 'bind': return planBind(ctx, goal.device, goal.driver);
    case 'unbind': return planUnbind(ctx, goal.device);
    case 'set-override': return planSetOverride(ctx, goal.device, goal.driver);
    case 'clear-override': return planClearOverride(ctx, goal.device);
    case 'undo': return planUndo(ctx, goal.planId);
  }
}

function nothingToDo(draft: Draft): Finding[] {
  if (draft.steps.length > 0 || draft.findings.some((f) => f.severity === 'refuse')) return [];
  return [finding('nothing-to-do', 'info', {
    title: 'Nothing to change',
    detail: 'Every device is already as this plan would leave it.',
    remedy: null,
  }, draft.devices.map((d) => d.device), false)];
}

/** Throws BinderyFailure (BAD_INPUT, UNKNOWN_DEVICE) only for a goal that makes no sense on this host. */
export function planGoal(input: PlanInput): Plan {
  const ctx = new PlanContext(input);
  const draft = draftFor(ctx, input.goal);
  const findings = [...draft.findings, ...safetyFindings(ctx, input.goal, draft), ...nothingToDo(draft)];
  return {
    id: input.id,
    goal: input.goal,
    hostId: input.snapshot.host.id,
    createdAt: input.now.toISOString(),
    summary: draft.summary,
    devices: draft.devices,
    steps: draft.steps,
    findings: sortFindings(findings),
  };
}
