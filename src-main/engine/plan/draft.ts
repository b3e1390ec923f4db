// What a goal's planner hands to the safety checks: the devices with their
// state before and after, the steps, and what the goal itself found.
import type { Device } from '../../../src-shared/model';
import type { DeviceRole, DriverState, Finding, PlannedDevice, Step } from '../../../src-shared/plan';
import type { StepBuilder } from './step-builder';
import { deviceLabel } from './wording';

export interface Draft {
  readonly summary: string;
  readonly devices: readonly PlannedDevice[];
  readonly steps: readonly Step[];
  readonly findings: readonly Finding[];
}

export function beforeOf(device: Device): DriverState {
  return { driver: device.driver, override: device.driverOverride };
}

/** A device as the plan leaves it: the builder's state after the last step. */
export function planned(device: Device, role: DeviceRole, reason: string, steps: StepBuilder): PlannedDevice {
  return { device: device.id, label: deviceLabel(device), role, before: beforeOf(device), after: steps.state(device), reason };
}

export function changed(device: PlannedDevice): boolean {
  return device.before.driver !== device.after.driver || device.before.override !== device.after.override;
}
