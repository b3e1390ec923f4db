// How a plan ended, as the Outcome people and scripts see: each device's
// driver before (read when the plan started) and after (read now), and for
// a failure, what went wrong and what, if anything, to do by hand.
import type { BinderyError } from '../../../src-shared/errors';
import { bindery } from '../../../src-shared/errors';
import type { DeviceOutcome, HistoryEntry, Operation, Outcome, OutcomeStatus, Plan } from '../../../src-shared/plan';
import type { Host } from '../host/host';
import { operationTarget } from '../ops/operation-target';
import { deviceName, stateText } from './check-text';
import type { HistoryStore } from './history';
import { HostReader } from './host-reader';
import type { Lease } from './lease';
import type { DeviceBefore } from './plan-states';

export interface Ending {
  readonly status: OutcomeStatus;
  readonly stepsDone: number;
  readonly failedStep: number | null;
  readonly error: BinderyError | null;
}

/** The outcome, with every device's state read from the host now. */
export function outcomeOf(plan: Plan, host: Host, devices: readonly DeviceBefore[], ending: Ending, startedAt: string): Outcome {
  const reader = new HostReader(host);
  const outcomes = devices.map(({ device, before }): DeviceOutcome => {
    const reading = reader.device(device);
    return { device, before, after: reading.ok ? reading.state : { driver: null, override: null } };
  });
  return { planId: plan.id, ...ending, devices: outcomes, startedAt, finishedAt: new Date().toISOString() };
}

/** Ended before the first step: nothing changed, so every device is as it is now. */
export function untouched(plan: Plan, host: Host | null, status: 'refused' | 'cancelled', error: BinderyError | null, startedAt: string): Outcome {
  const reader = host === null ? null : new HostReader(host);
  const devices = plan.devices.flatMap(({ device }): DeviceOutcome[] => {
    const reading = reader?.device(device);
    return reading?.ok ? [{ device, before: reading.state, after: reading.state }] : [];
  });
  return { planId: plan.id, status, stepsDone: 0, failedStep: null, error, devices, startedAt, finishedAt: new Date().toISOString() };
}

/** The devices not as they were before the plan, each in words; empty when all are back. */
export function unrestored(host: Host, devices: readonly DeviceBefore[]): string[] {
  const reader = new HostReader(host);
  return devices.flatMap(({ device, before }) => {
    const reading = reader.device(device);
    if (!reading.ok) return [`${deviceName(device)} ${reading.why}; it was ${stateText(before)}`];
    const now = reading.state;
    if (now.driver === before.driver && now.override === before.override) return [];
    return [`${deviceName(device)} is ${stateText(now)}; it was ${stateText(before)}`];
  });
}

function shell(operation: Operation): string {
  const target = operationTarget(operation);
  if (target.kind === 'modprobe') return `modprobe ${target.module}`;
  const data = target.data.trimEnd();
  return data === '' ? `echo > ${target.path}` : `echo ${data} > ${target.path}`;
}

/** The writes, as root, that put each device back as it was. */
export function byHand(host: Host, devices: readonly DeviceBefore[]): string[] {
  const reader = new HostReader(host);
  return devices.flatMap(({ device, before }) => {
    const reading = reader.device(device);
    if (!reading.ok) return [];
    const now = reading.state;
    const operations: Operation[] = [];
    if (now.driver !== before.driver && now.driver !== null) operations.push({ kind: 'unbind', device, driver: now.driver });
    if (now.override !== before.override) operations.push({ kind: 'set-override', device, driver: before.override });
    if (now.driver !== before.driver && before.driver !== null) operations.push({ kind: 'bind', device, driver: before.driver });
    return operations.map(shell);
  });
}

export function stepFailed(plan: Plan, reason: string): BinderyError {
  return bindery('STEP_FAILED', 'The change failed and was undone', `${reason}.`,
    `Every device of “${plan.summary}” is as it was before. Fix the cause, then make a new plan.`);
}

export function rollbackFailed(host: Host, devices: readonly DeviceBefore[], what: string, problems: readonly string[]): BinderyError {
  const undoing = problems.map((problem) => ` ${problem}.`).join('');
  const commands = byHand(host, devices);
  const remedy = commands.length > 0
    ? `As root, run: ${commands.join('; ')}. Rebooting also brings back the drivers the machine starts with.`
    : 'Look at these devices; rebooting brings back the drivers the machine starts with.';
  return bindery('ROLLBACK_FAILED', 'Not every device could be put back', `${what}.${undoing} Now ${unrestored(host, devices).join('; ')}.`, remedy);
}

/** Records how the plan ended and lets go of its journal: the plan is over. */
export function conclude(lease: Lease, history: HistoryStore, outcome: Outcome): void {
  const { plan } = lease.record;
  const entry: HistoryEntry = { plan, outcome, undoneBy: null };
  history.record(entry);
  if (outcome.status === 'done' && plan.goal.kind === 'undo') history.markUndone(plan.goal.planId, plan.id);
  lease.end();
}
