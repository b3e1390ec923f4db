// The one line a plan is known by: "Assign 0000:05:00.0 (Radeon RX 6800 XT)
// and its audio function to VFIO".
import type { Device, DeviceId } from '../../../src-shared/model';
import type { Member } from './group-expansion';
import { functionNoun, listing, named, plural } from './wording';

/** "its audio function", "2 other functions of its card". */
function companionsText(companions: readonly Device[]): string | null {
  if (companions.length === 0) return null;
  return companions.length === 1 && companions[0] ? `its ${functionNoun(companions[0])}` : `${plural(companions.length, 'other function')} of its card`;
}

/**
 * The targets, then what goes with them: "X and its audio function",
 * "X with its audio function and Y", "X and 2 other devices of its IOMMU group".
 */
export function withCompanions(members: readonly Member[], moving: ReadonlySet<DeviceId>): string {
  const targets = members.filter((m) => m.role === 'target').map((m) => m.device);
  const companionsOf = (target: Device): Device[] =>
    members.filter((m) => m.role === 'slot-companion' && m.via === target && moving.has(m.device.id)).map((m) => m.device);
  const others = members.filter((m) => m.role === 'group-member' && moving.has(m.device.id));
  const groups = others.length === 0 ? null
    : `${plural(others.length, 'other device')} of ${targets.length === 1 ? 'its IOMMU group' : 'their IOMMU groups'}`;
  if (targets.length === 1 && targets[0]) {
    return listing([named(targets[0]), companionsText(companionsOf(targets[0])), groups].filter((part) => part !== null));
  }
  const parts = targets.map((target) => {
    const companions = companionsText(companionsOf(target));
    return companions === null ? named(target) : `${named(target)} with ${companions}`;
  });
  return groups === null ? listing(parts) : `${listing(parts)}, and ${groups}`;
}
