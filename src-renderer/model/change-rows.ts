// The rows of a plan's or an outcome's device table: each device with its
// binding before and after, and, after a failed run, where it should be.
import type { DeviceRole, DriverState, Outcome, Plan } from '../../src-shared/plan';

export interface DeviceChangeRow {
  readonly device: string;
  readonly label: string | null;
  readonly role: DeviceRole | null;
  /** Why it is in the plan, or why it stays. */
  readonly reason: string | null;
  readonly before: DriverState;
  readonly after: DriverState;
  /** Where it should have ended; a row whose `after` differs is not back. */
  readonly expected: DriverState | null;
}

export function planRows(plan: Plan): DeviceChangeRow[] {
  return plan.devices.map((d) => ({ device: d.device, label: d.label, role: d.role, reason: d.reason, before: d.before, after: d.after, expected: null }));
}

/** After a rollback every device should be as before; the outcome's `after` is where it really is. */
export function outcomeRows(plan: Plan, outcome: Outcome): DeviceChangeRow[] {
  const rolledBack = outcome.status === 'rolled-back' || outcome.status === 'rollback-failed';
  return outcome.devices.map((d) => ({
    device: d.device,
    label: plan.devices.find((p) => p.device === d.device)?.label ?? null,
    role: null,
    reason: null,
    before: d.before,
    after: d.after,
    expected: rolledBack ? d.before : null,
  }));
}
