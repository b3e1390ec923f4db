// What a draft does to each device, as the safety checks ask it: which
// devices the host loses, which go to VFIO, which leave it.
import type { Device } from '../../../../src-shared/model';
import type { Finding, Goal, PlannedDevice } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { changed } from '../draft';
import { isVfioDriver } from '../../../../src-shared/driver-kinds';

export interface Move {
  readonly device: Device;
  readonly planned: PlannedDevice;
}

export interface CheckInput {
  readonly ctx: PlanContext;
  readonly goal: Goal;
  readonly draft: Draft;
  /** The devices whose driver or override the plan changes. */
  readonly moves: readonly Move[];
}

export type SafetyCheck = (input: CheckInput) => Finding[];

export function movesOf(ctx: PlanContext, draft: Draft): Move[] {
  return draft.devices.filter(changed).flatMap((planned) => {
    const device = ctx.find(planned.device);
    return device ? [{ device, planned }] : [];
  });
}

/** The host stops using it: it leaves a host driver. */
export function leavesHost(move: Move): boolean {
  const { before, after } = move.planned;
  return before.driver !== null && !isVfioDriver(before.driver) && after.driver !== before.driver;
}

export function toVfio(move: Move): boolean {
  const { before, after } = move.planned;
  return isVfioDriver(after.driver) && after.driver !== before.driver;
}

export function fromVfio(move: Move): boolean {
  const { before, after } = move.planned;
  return isVfioDriver(before.driver) && after.driver !== before.driver;
}
