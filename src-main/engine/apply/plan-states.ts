// The states a plan takes a host through: before any step, the devices as
// they were and the facts the first steps assume; after step k, that plus
// what steps 0..k promised (their `expect`). Recovery places the host on
// this path by reading it, rollback checks each undone step against it.
import type { DeviceId } from '../../../src-shared/model';
import type { Check, DriverState, Plan, Step } from '../../../src-shared/plan';
import type { HostReader } from './host-reader';

/** A device as read from the host when the plan started. */
export interface DeviceBefore {
  readonly device: DeviceId;
  readonly before: DriverState;
}

/** One fact about the host, by subject: a device's driver, its override, a module. */
export type ExpectedState = ReadonlyMap<string, Check>;

function subjectOf(check: Check): string {
  return check.kind === 'module-loaded' ? `module ${check.module}` : `${check.kind} ${check.device}`;
}

function sameFact(a: Check | undefined, b: Check): boolean {
  if (a === undefined || a.kind !== b.kind) return false;
  if (a.kind === 'module-loaded' || b.kind === 'module-loaded') return true;
  return a.device === b.device && a.driver === b.driver;
}

/** The checks saying each device is as it was: the start state, and what a rollback must restore. */
export function beforeChecks(devices: readonly DeviceBefore[]): Check[] {
  return devices.flatMap(({ device, before }): Check[] => [
    { kind: 'driver', device, driver: before.driver },
    { kind: 'override', device, driver: before.override },
  ]);
}

/** Preconditions about the host as it is before the plan: those on facts no earlier step changes. */
export function startingPreconditions(plan: Plan): Check[] {
  const changed = new Set<string>();
  const found: Check[] = [];
  for (const step of plan.steps) {
    for (const check of step.preconditions) if (!changed.has(subjectOf(check))) found.push(check);
    for (const check of step.expect) changed.add(subjectOf(check));
  }
  return found;
}

/** `states[k]` is what the host should be after the first k steps, for k = 0..steps.length. */
export function expectedStates(plan: Plan, devices: readonly DeviceBefore[]): ExpectedState[] {
  const start = new Map<string, Check>();
  for (const check of [...beforeChecks(devices), ...startingPreconditions(plan)]) {
    if (!start.has(subjectOf(check))) start.set(subjectOf(check), check);
  }
  const states: ExpectedState[] = [start];
  let current: ExpectedState = start;
  for (const step of plan.steps) {
    const next = new Map(current);
    for (const check of step.expect) next.set(subjectOf(check), check);
    states.push(next);
    current = next;
  }
  return states;
}

/** Every k for which the host is exactly as the plan expects after k steps, ascending. */
export function positionsOf(reader: HostReader, states: readonly ExpectedState[]): number[] {
  return states.flatMap((state, k) => ([...state.values()].every((check) => reader.holds(check)) ? [k] : []));
}

/** What a step changes: its expectations that did not already hold before it. */
export function changesOf(step: Step, before: ExpectedState): Check[] {
  return step.expect.filter((check) => !sameFact(before.get(subjectOf(check)), check));
}

/** The facts `changes` concern, as they were before the step (where the plan knows them). */
export function priorFacts(changes: readonly Check[], before: ExpectedState): Check[] {
  return changes.flatMap((check) => {
    const prior = before.get(subjectOf(check));
    return prior === undefined ? [] : [prior];
  });
}
