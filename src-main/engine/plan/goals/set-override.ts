// set-override DEVICE DRIVER: what driverctl's set-override does: name the
// driver in driver_override and move the device to it now (unbind, then
// probe; on PCI the override makes the named driver take any device).
import type { Finding } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { planned } from '../draft';
import { finding } from '../findings';
import { StepBuilder } from '../step-builder';
import { named } from '../wording';
import { namedDriver } from './named-driver';

export function planSetOverride(ctx: PlanContext, id: string, driverName: string): Draft {
  const device = ctx.device(id);
  const choice = namedDriver(ctx, device, driverName);
  const steps = new StepBuilder(ctx);
  const findings: Finding[] = [];
  const summary = `Set the driver override of ${named(device)} to ${choice.driver}`;
  if (!device.supportsOverride) {
    findings.push(finding('no-driver-override', 'refuse', {
      title: `The ${device.bus} bus has no driver_override`,
      detail: `${device.name} is on the ${device.bus} bus, which offers no driver_override (kernel-abi.md 1.6), so no driver can be forced onto it.`,
      remedy: `Bind it instead (bindery apply bind ${device.id} ${choice.driver}), if ${choice.driver} lists it.`,
    }, [device], false));
    return { summary, devices: [planned(device, 'target', choice.why, steps)], steps: [], findings };
  }
  steps.watch(device);
  steps.load(choice);
  steps.moveTo(device, { driver: choice.driver, override: choice.driver });
  return { summary: `${summary} and bind it`, devices: [planned(device, 'target', choice.why, steps)], steps: steps.steps, findings };
}
