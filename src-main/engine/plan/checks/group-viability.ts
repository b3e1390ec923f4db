// group-not-viable: after the plan, an IOMMU group with a device on VFIO
// must have no member bound to a driver that uses the kernel's DMA API,
// else VFIO cannot use it: opening /dev/vfio/N fails with EPERM
// (kernel-abi.md 3.7). Refused for assign-vfio, whose whole point is a
// usable group (forceable: a person may sort out the rest by hand); a
// warning for single-device changes that leave a group half on VFIO.
import type { Device, DeviceId } from '../../../../src-shared/model';
import type { DriverState, Finding, Goal } from '../../../../src-shared/plan';
import { isVfioDriver } from '../../../../src-shared/driver-kinds';
import { blocksViability } from '../driver-kinds';
import { finding } from '../findings';
import { listing } from '../wording';
import type { SafetyCheck } from './moves';

function remedy(goal: Goal, blockers: readonly Device[]): string {
  if (goal.kind === 'assign-vfio') {
    return `Bindery cannot move ${listing(blockers.map((d) => d.name))} to VFIO. Unbind ${blockers.length === 1 ? 'it' : 'them'} `
      + '(bindery apply unbind DEVICE) and plan again, or move the card to a slot with an IOMMU group of its own.';
  }
  return 'Move whole groups: assign-vfio takes the rest of the group along, and return-to-host gives it all back.';
}

export const groupViability: SafetyCheck = ({ ctx, goal, moves }) => {
  const after = new Map<DeviceId, DriverState>(moves.map((m) => [m.device.id, m.planned.after]));
  const groups = [...new Set(moves.flatMap((m) => (m.device.iommuGroup === null ? [] : [m.device.iommuGroup])))];
  return groups.flatMap((id): Finding[] => {
    const members = (ctx.group(id)?.devices ?? []).flatMap((member) => ctx.find(member) ?? []);
    const driverOf = (d: Device): string | null => (after.has(d.id) ? (after.get(d.id)?.driver ?? null) : d.driver);
    const onVfio = members.filter((d) => isVfioDriver(driverOf(d)));
    const blockers = members.filter((d) => blocksViability(d, driverOf(d)));
    if (onVfio.length === 0 || blockers.length === 0) return [];
    const refuse = goal.kind === 'assign-vfio';
    return [finding('group-not-viable', refuse ? 'refuse' : 'warning', {
      title: `IOMMU group ${id} would not be usable by a VM`,
      detail: `After this plan, ${listing(blockers.map((d) => `${d.name} is on ${driverOf(d)}`))}: `
        + `${blockers.length === 1 ? 'a driver' : 'drivers'} using the kernel's DMA API, so VFIO cannot use group ${id} `
        + `and a VM started with ${listing(onVfio.map((d) => d.name))} fails (opening /dev/vfio/${id} gives EPERM).`,
      remedy: remedy(goal, blockers),
    }, [...blockers, ...onVfio], refuse)];
  });
};
