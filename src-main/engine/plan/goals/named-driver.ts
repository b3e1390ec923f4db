// A driver a person names in a goal: it must exist on the device's bus or
// as a module of this kernel; anything else is bad input.
import type { Device } from '../../../../src-shared/model';
import type { PlanContext } from '../context';
import type { DriverChoice } from '../driver-choice';
import { driverByName } from '../driver-choice';
import { badInput } from '../failures';
import { shortListing } from '../wording';

export function namedDriver(ctx: PlanContext, device: Device, name: string): DriverChoice {
  const choice = driverByName(ctx, device, name, `${name}, the driver you named.`);
  if (choice) return choice;
  const onBus = ctx.snapshot.drivers.filter((d) => d.bus === device.bus).map((d) => d.name);
  throw badInput('No such driver',
    `There is no driver "${name}" on the ${device.bus} bus of ${ctx.snapshot.host.label}, and no module of that name.`,
    `${onBus.length > 0 ? `Drivers on the ${device.bus} bus: ${shortListing(onBus, 12)}. ` : ''}`
      + `"bindery candidates ${device.id}" lists the drivers that fit it.`);
}
