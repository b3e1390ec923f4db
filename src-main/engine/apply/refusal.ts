// Why a plan may not start: it is for another host or malformed, a safety
// finding refuses it, or the host changed since it was made. Each answer is
// a BinderyError saying how to proceed; null means go ahead.
import type { BinderyError } from '../../../src-shared/errors';
import { bindery, toBinderyError } from '../../../src-shared/errors';
import type { Plan } from '../../../src-shared/plan';
import type { Host } from '../host/host';
import { operationTarget } from '../ops/operation-target';
import { beforeChecks, startingPreconditions } from './plan-states';
import { mismatchText } from './check-text';
import type { HostReader } from './host-reader';

/** A plan this host cannot run at all, whatever its findings say. */
export function planProblem(plan: Plan, host: Host): BinderyError | null {
  if (plan.hostId !== host.info.id) {
    return bindery('BAD_INPUT', 'Plan for another host', `This plan was made for ${plan.hostId}, not for ${host.info.id}.`,
      `Make a new plan on ${host.info.label}.`);
  }
  if (host.perform === undefined || host.info.readOnly) {
    return bindery('BAD_INPUT', 'Host cannot be changed', `${host.info.label} is read only (a captured tree); nothing can be applied to it.`, null);
  }
  const misplaced = plan.steps.findIndex((step, position) => step.index !== position);
  if (misplaced >= 0) {
    return bindery('BAD_INPUT', 'Malformed plan', `Step ${misplaced + 1} of plan ${plan.id} says it is step ${plan.steps[misplaced]?.index}.`,
      'Make a new plan.');
  }
  // Every operation and inverse is checked before the first write, so none fails half-way as bad input.
  try {
    for (const step of plan.steps) {
      operationTarget(step.operation);
      if (step.inverse !== null) operationTarget(step.inverse);
    }
  } catch (thrown) {
    return toBinderyError(thrown);
  }
  return null;
}

/** The findings that stop the plan: refusals, unless forceable and forced. */
export function findingsRefusal(plan: Plan, force: boolean): BinderyError | null {
  const blocking = plan.findings.filter((f) => f.severity === 'refuse' && !(f.forceable && force));
  if (blocking.length === 0) return null;
  const detail = blocking.map((f) => `${f.title}: ${f.detail}${f.forceable ? '' : ' (cannot be overridden)'}`).join(' ');
  const fixes = blocking.flatMap((f) => (f.remedy === null ? [] : [f.remedy]));
  const unforceable = blocking.some((f) => !f.forceable);
  const how = unforceable
    ? 'Fix what cannot be overridden first; nothing was changed.'
    : 'Nothing was changed. If you are sure, apply again with force (--force).';
  return bindery('REFUSED', blocking.length === 1 ? 'Refused by a safety check' : `Refused by ${blocking.length} safety checks`,
    detail, [...fixes, how].join(' '));
}

/** How the host differs from what the plan was made from; null when the plan is current. */
export function staleness(plan: Plan, reader: HostReader): BinderyError | null {
  const changes = new Set<string>();
  for (const check of [...beforeChecks(plan.devices), ...startingPreconditions(plan)]) {
    if (!reader.holds(check)) changes.add(mismatchText(check, reader, true));
  }
  if (changes.size === 0) return null;
  return bindery('REFUSED', 'The host changed since this plan was made', `${[...changes].join('; ')}.`,
    'Nothing was changed. Make a new plan.');
}
