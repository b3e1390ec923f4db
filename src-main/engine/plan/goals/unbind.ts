// unbind DEVICE: take it from its driver and leave it without one. The
// override stays, so nothing else grabs it when the bus is next probed.
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { planned } from '../draft';
import { StepBuilder } from '../step-builder';
import { named } from '../wording';

export function planUnbind(ctx: PlanContext, id: string): Draft {
  const device = ctx.device(id);
  const steps = new StepBuilder(ctx);
  steps.moveTo(device, { driver: null, override: device.driverOverride });
  const from = device.driver === null ? 'its driver' : device.driver;
  return {
    summary: `Unbind ${named(device)} from ${from}`,
    devices: [planned(device, 'target', device.driver === null ? 'It has no driver.' : `Left without a driver.`, steps)],
    steps: steps.steps,
    findings: [],
  };
}
