// A `pci` entry with `repeat` stands for its copies, so a fleet of cards is
// a few lines: every level runs `count` times, each copy's address, bus
// and bridge numbers advance by the sum of the levels' steps, and `{i}` in
// its text (label, group, netdev) is the copy's number, counting from 0 in
// row-major order. Each copy is named `pci[N]#i` in problems.
import { pciName, parsePciName } from '../kernel/pci/address';
import { byteOf } from './hardware';
import type { ScenarioFunction, ScenarioPci } from './schema';

export interface PciEntry {
  readonly spec: ScenarioFunction;
  /** Where it is in the file: `pci[3]`, or `pci[3]#17` for a copy. */
  readonly where: string;
}

interface Offset {
  readonly index: number;
  readonly bus: number;
  readonly devfn: number;
  readonly secondary: number;
}

/** Every combination of the levels' counts, outer level first. */
function offsets(levels: NonNullable<ScenarioPci['repeat']>): Offset[] {
  let found: Offset[] = [{ index: 0, bus: 0, devfn: 0, secondary: 0 }];
  for (const level of levels) {
    const next: Offset[] = [];
    for (const outer of found) {
      for (let n = 0; n < level.count; n += 1) {
        next.push({
          index: outer.index * level.count + n,
          bus: outer.bus + n * level.step.bus,
          devfn: outer.devfn + n * level.step.devfn,
          secondary: outer.secondary + n * level.step.secondary,
        });
      }
    }
    found = next;
  }
  return found;
}

const numbered = (text: string | undefined, index: number): string | undefined => text?.replaceAll('{i}', String(index));

function copy(spec: ScenarioFunction, at: Offset, problems: string[], where: string): ScenarioFunction | null {
  const address = parsePciName(spec.address);
  if (!address) return null;
  const bus = address.bus + at.bus;
  const devfn = address.devfn + at.devfn;
  const bridge = spec.bridge;
  const secondary = bridge === undefined ? 0 : byteOf(bridge.secondary) + at.secondary;
  if (bus > 0xff || devfn > 0xff || secondary > 0xff) {
    problems.push(`${where}: the copy would be past bus ff or function 1f.7; lower the count or the steps`);
    return null;
  }
  const group = typeof spec.group === 'string' ? numbered(spec.group, at.index) : spec.group;
  return {
    ...spec,
    address: pciName(address.domain, bus, devfn),
    ...(bridge === undefined ? {} : {
      bridge: {
        secondary,
        ...(bridge.subordinate === undefined ? {} : { subordinate: byteOf(bridge.subordinate) + at.secondary }),
      },
    }),
    ...(group === undefined ? {} : { group }),
    ...(spec.label === undefined ? {} : { label: numbered(spec.label, at.index) }),
    ...(spec.netdev === undefined ? {} : { netdev: numbered(spec.netdev, at.index) }),
  };
}

/** The functions of the `pci` list, copies expanded in place; problems with copies go to `problems`. */
export function expandPci(entries: readonly ScenarioPci[], problems: string[] = []): PciEntry[] {
  return entries.flatMap((entry, i) => {
    const { repeat, ...spec } = entry;
    if (!repeat) return [{ spec, where: `pci[${i}]` }];
    return offsets(repeat).flatMap((at) => {
      const where = `pci[${i}]#${at.index}`;
      const copied = copy(spec, at, problems, where);
      return copied ? [{ spec: copied, where }] : [];
    });
  });
}
