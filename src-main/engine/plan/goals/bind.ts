// bind DEVICE DRIVER: unbind it from its driver if it has one, then bind the
// named driver. The kernel matches first (kernel-abi.md 1.4): a driver that
// would not match is refused with the kernel's answer, before anything moves.
import type { Device } from '../../../../src-shared/model';
import type { Finding } from '../../../../src-shared/plan';
import type { PlanContext } from '../context';
import type { Draft } from '../draft';
import { planned } from '../draft';
import type { DriverChoice } from '../driver-choice';
import { vfMayProbe } from '../driver-choice';
import { isVfioDriver } from '../../../../src-shared/driver-kinds';
import { finding } from '../findings';
import { StepBuilder } from '../step-builder';
import { named } from '../wording';
import { namedDriver } from './named-driver';

function willNotMatch(device: Device, choice: DriverChoice, detail: string, remedy: string | null): Finding {
  return finding('driver-will-not-match', 'refuse', {
    title: `${choice.driver} would not take ${device.name}`, detail, remedy,
  }, [device], false);
}

/** Why the kernel would answer ENODEV to the bind, or null when it would match (or Bindery cannot tell). */
function mismatch(device: Device, choice: DriverChoice, ctx: PlanContext): Finding | null {
  const { driver } = choice;
  const override = device.driverOverride;
  const forceIt = device.supportsOverride ? `bindery apply set-override ${device.id} ${driver}` : null;
  if (override !== null && override !== driver) {
    return willNotMatch(device, choice,
      `The driver_override of ${device.name} names ${override}, so the kernel matches no other driver to it: bind answers ENODEV.`,
      `Clear the override first (bindery apply clear-override ${device.id}), or make ${driver} its override (${forceIt}), which also binds it.`);
  }
  if (override === driver) return null;
  if (isVfioDriver(driver)) {
    return willNotMatch(device, choice,
      `${driver} takes devices only through driver_override (its aliases are override-only), so bind answers ENODEV.`,
      `Use assign-vfio ${device.id}, which also moves the rest of its IOMMU group, or ${forceIt}.`);
  }
  if (choice.matchesById === false) {
    return willNotMatch(device, choice,
      `${driver}'s ID table does not list ${device.name}${device.modalias ? ` (${device.modalias})` : ''}, so bind answers ENODEV.`,
      forceIt ? `If you know ${driver} drives it, ${forceIt}: on PCI an override makes the named driver take any device.` : null);
  }
  if (!vfMayProbe(ctx, device, null)) {
    return willNotMatch(device, choice,
      `${device.name} is a VF whose PF has sriov_drivers_autoprobe set to 0, so no driver may probe it without an override: bind answers ENODEV.`,
      forceIt);
  }
  return null;
}

function cannotSeeTable(device: Device, choice: DriverChoice): Finding {
  return finding('driver-match-unknown', 'warning', {
    title: `Bindery cannot tell whether ${choice.driver} takes ${device.name}`,
    detail: `${choice.driver}'s ID table is not in modules.alias (it is built into the kernel, or there is no modules.alias). `
      + 'If it does not list the device, the bind fails with ENODEV and the plan is rolled back.',
    remedy: null,
  }, [device], false);
}

export function planBind(ctx: PlanContext, id: string, driverName: string): Draft {
  const device = ctx.device(id);
  const choice = namedDriver(ctx, device, driverName);
  const steps = new StepBuilder(ctx);
  const findings: Finding[] = [];
  if (device.driver !== choice.driver) {
    const refusal = mismatch(device, choice, ctx);
    if (refusal) findings.push(refusal);
    else if (choice.matchesById === null && device.driverOverride !== choice.driver) findings.push(cannotSeeTable(device, choice));
    steps.watch(device);
    steps.load(choice);
    steps.moveTo(device, { driver: choice.driver, override: device.driverOverride });
  }
  return {
    summary: `Bind ${named(device)} to ${choice.driver}`,
    devices: [planned(device, 'target', choice.why, steps)],
    steps: steps.steps,
    findings,
  };
}
