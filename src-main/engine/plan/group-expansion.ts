// The devices that must go with the ones a person names: every member of
// their IOMMU groups (VFIO takes a group whole, kernel-abi.md 3.7) and the
// other functions of their PCI slot that cannot be separated from them (a
// GPU's audio function; functions that are only reset with the whole card), transitively.
// VFs are never slot companions: they share a slot number with their PF but
// are separate functions, each reset on its own.
import type { Device, DeviceId } from '../../../src-shared/model';
import type { DeviceRole } from '../../../src-shared/plan';
import { parsePciAddress } from '../sysfs/order';
import type { PlanContext } from './context';
import { isBridge } from './driver-kinds';
import { functionNoun, pciClass } from './wording';

export interface Member {
  readonly device: Device;
  readonly role: DeviceRole;
  readonly reason: string;
  /** The device it came with; null for a target. */
  readonly via: Device | null;
}

/** FLR, PM and AF resets act on one function; a device with only `bus` or `slot` resets every function of the card. */
function resetsWholeCard(device: Device): boolean {
  const methods = device.pci?.resetMethods ?? [];
  return methods.length > 0 && !methods.some((m) => m === 'flr' || m === 'pm' || m === 'af');
}

function isDisplay(device: Device): boolean {
  return pciClass(device)?.startsWith('03') === true;
}

function isAudio(device: Device): boolean {
  return pciClass(device) === '0403';
}

/** Why `other` must go with `device`, or null when it can stay. */
function companionReason(device: Device, other: Device): string | null {
  const sameGroup = device.iommuGroup !== null && device.iommuGroup === other.iommuGroup;
  const group = sameGroup ? ` (also in its IOMMU group, ${device.iommuGroup})` : '';
  const base = `The ${functionNoun(other)} on the same card as ${device.name}${group}`;
  if ((isDisplay(device) && isAudio(other)) || (isAudio(device) && isDisplay(other))) {
    return `${base}; a GPU and its audio go to a VM together.`;
  }
  if (resetsWholeCard(device) || resetsWholeCard(other)) {
    return `${base}; without a reset of its own, resetting one function for the VM resets the other too.`;
  }
  return sameGroup ? `${base}.` : null;
}

function slotCompanions(ctx: PlanContext, device: Device): { device: Device; reason: string }[] {
  const here = parsePciAddress(device.name);
  if (device.bus !== 'pci' || here === null || device.pci?.physfn != null) return [];
  return ctx.snapshot.devices.flatMap((other) => {
    if (other.bus !== 'pci' || other.id === device.id || other.pci?.physfn != null || isBridge(other)) return [];
    const there = parsePciAddress(other.name);
    if (there === null || there.domain !== here.domain || there.bus !== here.bus || there.slot !== here.slot) return [];
    const reason = companionReason(device, other);
    return reason === null ? [] : [{ device: other, reason }];
  });
}

/**
 * The targets and everything that must go with them, in snapshot order.
 * `follow` says whether a device brings its own group and companions along.
 */
export function expandTargets(ctx: PlanContext, targets: readonly Device[], follow: (device: Device) => boolean): Member[] {
  const members = new Map<DeviceId, Member>();
  const queue: Device[] = [];
  const add = (member: Member): void => {
    if (members.has(member.device.id)) return;
    members.set(member.device.id, member);
    queue.push(member.device);
  };
  for (const device of targets) add({ device, role: 'target', reason: 'You asked for it.', via: null });
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (!follow(next)) continue;
    for (const { device, reason } of slotCompanions(ctx, next)) add({ device, role: 'slot-companion', reason, via: next });
    for (const device of ctx.groupMembers(next)) {
      add({ device, role: 'group-member', reason: `In IOMMU group ${next.iommuGroup} with ${next.name}: VFIO takes a group whole.`, via: next });
    }
  }
  return [...members.values()].sort((a, b) => ctx.compare(a.device, b.device));
}

/** Why a bridge of the group stays as it is (kernel-abi.md 3.7). */
export function bridgeStays(device: Device): string {
  const state = device.driver === null ? 'it has no driver' : `it is on ${device.driver}`;
  return `A PCI bridge (${state}): it stays, since vfio-pci does not take bridges, and pcieport or no driver `
    + 'does not stand in the way of VFIO (neither uses the kernel\'s DMA API).';
}
