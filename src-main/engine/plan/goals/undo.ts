// undo PLAN: put every device an applied plan changed back as it was before
// it, last changed first, each with the same unbind/override/bind discipline.
// Devices already back as they were are left alone.
import type { Device, DeviceId } from '../../../../src-shared/model';
import type { DriverState, Finding, Operation, PlannedDevice } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { planned } from '../draft';
import type { DriverChoice } from '../driver-choice';
import { driverByName } from '../driver-choice';
import { badInput } from '../failures';
import { finding } from '../findings';
import { StepBuilder } from '../step-builder';

function devicesOf(operation: Operation | null): DeviceId[] {
  return operation === null || operation.kind === 'load-module' ? [] : [operation.device];
}

function stateText(state: DriverState): string {
  const driver = state.driver ?? 'no driver';
  return state.override === null ? driver : `${driver}, override ${state.override}`;
}

export function planUndo(ctx: PlanContext, planId: string): Draft {
  const undo = ctx.undoOf;
  if (undo === null || undo.plan.id !== planId) {
    throw badInput('Nothing to undo', `Plan ${planId} is not an applied plan Bindery has a record of.`, 'Run "bindery history" to see the plans you can undo.');
  }
  // The plan changed devices in step order; undo them in the reverse order.
  const touched = [...new Set(undo.plan.steps.flatMap((step) => devicesOf(step.operation)))].reverse();
  const rank = (id: DeviceId): number => (touched.includes(id) ? touched.indexOf(id) : touched.length);
  const outcomes = [...undo.before].sort((a, b) => rank(a.device) - rank(b.device));

  const steps = new StepBuilder(ctx);
  const findings: Finding[] = [];
  const moves: { device: Device; to: DriverState; choice: DriverChoice | null }[] = [];
  for (const { device: id, before } of outcomes) {
    const device = ctx.find(id);
    if (!device) {
      findings.push(finding('device-missing', 'refuse', {
        title: 'A device of the plan is gone',
        detail: `${id} was changed by the plan but is no longer on this host (a VF whose SR-IOV was disabled, a removed device), so it cannot be put back.`,
        remedy: 'Bring it back (enable the VFs again) and undo then, or force the undo to put back the others.',
      }, [id], true));
      continue;
    }
    const why = `${before.driver}, the driver it had before the plan.`;
    const registered = before.driver === null || ctx.registeredDriver(device.bus, before.driver) !== undefined;
    const choice = registered || before.driver === null ? null
      : (driverByName(ctx, device, before.driver, why)
        ?? { driver: before.driver, module: before.driver.replaceAll('-', '_'), registered: false, matchesById: null, why });
    moves.push({ device, to: before, choice });
    steps.watch(device);
  }
  for (const { choice } of moves) if (choice) steps.load(choice);
  for (const { device, to } of moves) steps.moveTo(device, to);

  const devices = moves.map(({ device, to }): PlannedDevice => {
    const now = { driver: device.driver, override: device.driverOverride };
    const same = now.driver === to.driver && now.override === to.override;
    return planned(device, 'target', same ? 'Already as it was before the plan.' : `Back to ${stateText(to)}, as before the plan.`, steps);
  });
  return { summary: `Undo "${undo.plan.summary}"`, devices, steps: steps.steps, findings };
}
