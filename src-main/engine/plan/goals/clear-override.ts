// clear-override DEVICE: what driverctl's unset-override does: clear
// driver_override and, when the device sits on a driver only the override
// gave it, move it to its host driver (remembered, else the best installed
// candidate). A device on a driver that takes it by itself stays there.
import type { Finding } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { planned } from '../draft';
import { driverByName, hostChoice } from '../driver-choice';
import { finding } from '../findings';
import { StepBuilder } from '../step-builder';
import { named } from '../wording';

export function planClearOverride(ctx: PlanContext, id: string): Draft {
  const device = ctx.device(id);
  const steps = new StepBuilder(ctx);
  const findings: Finding[] = [];
  const override = device.driverOverride;
  const summary = `Clear the driver override of ${named(device)}`;
  if (override === null) {
    return { summary, devices: [planned(device, 'target', 'It has no driver override.', steps)], steps: [], findings };
  }
  const onOverride = device.driver === override && driverByName(ctx, device, override, '')?.matchesById !== true;
  const needsDriver = onOverride || device.driver === null;
  const { choice } = needsDriver ? hostChoice(ctx, device) : { choice: null };
  steps.watch(device);
  if (choice) {
    steps.load(choice);
    steps.moveTo(device, { driver: choice.driver, override: null });
  } else {
    steps.setOverride(device, null);
    if (onOverride) {
      findings.push(finding('override-driver-stays', 'info', {
        title: `It stays on ${override} for now`,
        detail: `${device.name} is on ${override} only because the override named it, and Bindery found no host driver to move it to. `
          + `It stays on ${override} until it is next probed (or the machine restarts).`,
        remedy: `Bind it to a driver you name (bindery apply bind ${device.id} DRIVER).`,
      }, [device], false));
    }
  }
  const reason = choice ? `Back to ${choice.why}` : device.driver === null ? 'It stays without a driver.' : `It stays on ${device.driver}.`;
  return {
    summary: choice ? `${summary} and bind it to ${choice.driver}` : summary,
    devices: [planned(device, 'target', reason, steps)],
    steps: steps.steps,
    findings,
  };
}
