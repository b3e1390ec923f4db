// IOMMU groups as people need to see them: who shares a group, and whether
// the group could be opened by VFIO right now (docs/kernel-abi.md: a group is
// viable iff every member is unbound or bound to a driver that manages its own
// DMA, i.e. a vfio driver, pci-stub or pcieport).
import type { Device, DeviceId, IommuGroup } from '../../src-shared/model';
import { isVfioDriver, managesOwnDma } from '../../src-shared/driver-kinds';

/** Whether a device leaves its group usable by VFIO as it is bound now. */
function leavesGroupViable(device: Device): boolean {
  return !device.driver || managesOwnDma(device.driver);
}

/**
 * `host`: no member is on VFIO; the group belongs to host drivers.
 * `viable`: some member is on VFIO and nothing in the group blocks it.
 * `blocked`: some member is on VFIO but others are still on host drivers ("group is not viable").
 */
export type GroupState = 'host' | 'viable' | 'blocked';

export interface GroupSummary {
  readonly id: number;
  readonly type: string | null;
  /** Members in the snapshot's order; an ID the snapshot lacks is kept with a null device. */
  readonly members: readonly { readonly id: DeviceId; readonly device: Device | null }[];
  /** More than one device: passing one through means passing (or unbinding) the others. */
  readonly shared: boolean;
  readonly state: GroupState;
  /** Members bound to a host driver that uses DMA: what must move before VFIO can open the group. */
  readonly blockers: readonly Device[];
}

export function summarizeGroup(group: IommuGroup, byId: ReadonlyMap<DeviceId, Device>): GroupSummary {
  const members = group.devices.map((id) => ({ id, device: byId.get(id) ?? null }));
  const present = members.flatMap((m) => (m.device ? [m.device] : []));
  const blockers = present.filter((device) => !leavesGroupViable(device));
  const onVfio = present.some((device) => device.driver !== null && isVfioDriver(device.driver));
  return {
    id: group.id,
    type: group.type,
    members,
    shared: group.devices.length > 1,
    state: !onVfio ? 'host' : blockers.length > 0 ? 'blocked' : 'viable',
    blockers,
  };
}

export function summarizeGroups(groups: readonly IommuGroup[], byId: ReadonlyMap<DeviceId, Device>): readonly GroupSummary[] {
  return groups.map((group) => summarizeGroup(group, byId));
}

/** The kernel's default-domain types (docs/kernel-abi.md 3.6) in words. */
export function groupTypeDescription(type: string | null): string {
  switch (type) {
    case 'identity':
      return 'identity: devices see physical memory directly (passthrough, e.g. iommu=pt)';
    case 'DMA':
      return 'DMA: translated, strict invalidation';
    case 'DMA-FQ':
      return 'DMA-FQ: translated, lazy (flush queue) invalidation';
    case 'blocked':
      return 'blocked: all DMA blocked';
    case 'unmanaged':
      return 'unmanaged: owned by a user such as VFIO';
    case 'unknown':
    case null:
      return 'unknown';
    default:
      return type;
  }
}
