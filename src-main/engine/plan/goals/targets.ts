// The devices a goal names: each must exist; a list must not be empty.
import type { Device, DeviceId } from '../../../../src-shared/model';
import type { PlanContext } from '../context';
import { badInput } from '../failures';

export function targetDevices(ctx: PlanContext, ids: readonly DeviceId[], what: string): Device[] {
  if (ids.length === 0) throw badInput('No device named', `${what} needs at least one device.`, 'Name a device as BUS/NAME, e.g. pci/0000:01:00.0.');
  return [...new Set(ids)].map((id) => ctx.device(id)).sort(ctx.compare);
}
