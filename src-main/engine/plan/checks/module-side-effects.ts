// module-binds-others: a driver registering binds every unbound device it
// matches (driver_attach, kernel-abi.md 1.5), not only the ones the plan is
// about. A warning naming the others, since the plan neither shows nor undoes them.
import type { Device } from '../../../../src-shared/model';
import { vfMayProbe } from '../driver-choice';
import { finding } from '../findings';
import { shortListing } from '../wording';
import type { SafetyCheck } from './moves';

export const moduleBindsOthers: SafetyCheck = ({ ctx, draft }) => {
  const loads = draft.steps.flatMap((s) => (s.operation.kind === 'load-module' ? [s.operation.module] : []));
  if (loads.length === 0) return [];
  const inPlan = new Set(draft.devices.map((d) => d.device));
  const unbound = ctx.snapshot.devices.filter((d) => d.driver === null && d.modalias !== null && !inPlan.has(d.id) && ctx.busAutoprobe(d.bus));
  return loads.flatMap((module) => {
    const taken = unbound.filter((device: Device) => {
      const candidate = ctx.candidates(device).candidates.find((c) => c.module === module);
      if (!candidate || !vfMayProbe(ctx, device, device.driverOverride)) return false;
      return device.driverOverride === candidate.driver || (device.driverOverride === null && candidate.kind === 'driver');
    });
    if (taken.length === 0) return [];
    return [finding('module-binds-others', 'warning', {
      title: `Loading ${module} also binds other devices`,
      detail: `${module} takes every device without a driver that it matches as it loads: ${shortListing(taken.map((d) => d.id))} too. `
        + 'Those are not part of this plan, so undoing it leaves them bound.',
      remedy: 'If they should stay without a driver, set their driver_override to another driver (or "none") before applying.',
    }, taken, false)];
  });
};
