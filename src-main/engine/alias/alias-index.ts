// All aliases that match a key, found the way kmod's trie finds them but with
// plain maps: patterns are grouped by their literal prefix (everything before
// the first wildcard), a lookup tries each prefix length that occurs, and only
// the patterns whose prefix equals the key's start go through fnmatch. Groups
// are kept per bus (the literal part up to its `:`), so a PCI key tries a few
// prefix lengths and meets a few dozen patterns instead of 27,000.
import type { AliasEntry } from './alias-file';
import { fnmatch } from './fnmatch';
import { literalPrefixLength } from './kmod-match';

interface WildEntry {
  readonly entry: AliasEntry;
  /** The pattern from its first wildcard on. */
  readonly rest: string;
}

/** Wildcard patterns grouped by literal prefix, and the prefix lengths that occur, ascending. */
interface PrefixGroups {
  readonly byPrefix: Map<string, WildEntry[]>;
  readonly lengths: number[];
}

export class AliasIndex {
  readonly entries: readonly AliasEntry[];
  private readonly exact = new Map<string, AliasEntry[]>();
  /** By the literal prefix up to and including its first `:`. */
  private readonly perBus = new Map<string, PrefixGroups>();
  /** Patterns whose literal prefix has no `:` (`acpi*:`, `char_major_*`): tried for every key. */
  private readonly anyBus: PrefixGroups = { byPrefix: new Map(), lengths: [] };

  constructor(entries: readonly AliasEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      const pattern = entry.normalized;
      const literal = literalPrefixLength(pattern);
      if (literal === pattern.length) {
        push(this.exact, pattern, entry);
        continue;
      }
      const colon = pattern.indexOf(':');
      const bus = colon >= 0 && colon < literal ? pattern.slice(0, colon + 1) : null;
      const groups = bus === null ? this.anyBus : this.groupsOf(bus);
      push(groups.byPrefix, pattern.slice(0, literal), { entry, rest: pattern.slice(literal) });
      if (!groups.lengths.includes(literal)) groups.lengths.push(literal);
    }
    for (const groups of [this.anyBus, ...this.perBus.values()]) groups.lengths.sort((a, b) => a - b);
  }

  private groupsOf(bus: string): PrefixGroups {
    let groups = this.perBus.get(bus);
    if (!groups) {
      groups = { byPrefix: new Map(), lengths: [] };
      this.perBus.set(bus, groups);
    }
    return groups;
  }

  /** Every entry matching the normalised key, in file order. */
  lookup(key: string): AliasEntry[] {
    const found = [...(this.exact.get(key) ?? [])];
    const colon = key.indexOf(':');
    const bus = colon >= 0 ? this.perBus.get(key.slice(0, colon + 1)) : undefined;
    for (const groups of bus ? [bus, this.anyBus] : [this.anyBus]) {
      for (const length of groups.lengths) {
        if (length > key.length) break;
        const group = groups.byPrefix.get(key.slice(0, length));
        if (!group) continue;
        const tail = key.slice(length);
        for (const { entry, rest } of group) {
          if (fnmatch(rest, tail)) found.push(entry);
        }
      }
    }
    return found.sort((a, b) => a.order - b.order);
  }

  /** Entries whose normalised pattern starts with `prefix`, in file order. */
  withPrefix(prefix: string): AliasEntry[] {
    return this.entries.filter((entry) => entry.normalized.startsWith(prefix));
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
