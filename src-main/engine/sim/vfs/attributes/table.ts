// Attribute tables: each group of attributes a kind of device has, looked
// up by name in one step; an entry's node is null where the kernel hides it
// (a `driver` link of an unbound device, `reset` without reset methods).
import type { SimDevice } from '../../kernel/state';
import type { ViewContext } from '../context';
import type { VNode } from '../nodes';

export type NodeOf = (dev: SimDevice, ctx: ViewContext) => VNode | null;

export interface AttrTable {
  /** Whether the device has this group at all. */
  readonly applies: (dev: SimDevice) => boolean;
  readonly byName: ReadonlyMap<string, NodeOf>;
}

export function attrTable(applies: (dev: SimDevice) => boolean, entries: Readonly<Record<string, NodeOf>>): AttrTable {
  return { applies, byName: new Map(Object.entries(entries)) };
}
