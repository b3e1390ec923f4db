// The simulated /sys as a tree of nodes made on demand from the kernel's
// state: directories that can look up one child without listing all of
// them (a bus may have 10,000 devices), attribute files with a mode and the
// kernel's show/store handlers, and symlinks to absolute targets.
import type { Errno } from '../errno';

/** What a store handler gets: the bytes written (cut at PAGE_SIZE) and their count. */
export interface StoreInput {
  readonly text: string;
  readonly count: number;
}

export interface VFile {
  readonly kind: 'file';
  readonly mode: number;
  readonly show?: () => string | Uint8Array;
  readonly store?: (input: StoreInput) => Errno | null;
}

export interface VLink {
  readonly kind: 'link';
  /** Absolute, e.g. `/sys/bus/pci/drivers/e1000e`; read back relative to the link's directory. */
  readonly target: string;
}

export interface VDir {
  readonly kind: 'dir';
  lookup(name: string): VNode | null;
  /** Every child; order does not matter. */
  entries(): Iterable<readonly [string, VNode]>;
}

export type VNode = VDir | VFile | VLink;

export const RO = 0o444;
export const RW = 0o644;
export const WO = 0o200;

export function roFile(show: () => string | Uint8Array): VFile {
  return { kind: 'file', mode: RO, show };
}

export function rwFile(show: () => string | Uint8Array, store: (input: StoreInput) => Errno | null): VFile {
  return { kind: 'file', mode: RW, show, store };
}

export function woFile(store: (input: StoreInput) => Errno | null, mode = WO): VFile {
  return { kind: 'file', mode, store };
}

export function link(target: string): VLink {
  return { kind: 'link', target };
}

/** A small directory whose children are cheap to make all at once. */
export function mapDir(children: () => Iterable<readonly [string, VNode]>): VDir {
  return {
    kind: 'dir',
    lookup: (name) => {
      for (const [childName, node] of children()) if (childName === name) return node;
      return null;
    },
    entries: children,
  };
}

/** A directory of many children named by `names`, each made by `child` only when asked for. */
export function lazyDir(names: () => Iterable<string>, child: (name: string) => VNode | null): VDir {
  return {
    kind: 'dir',
    lookup: child,
    entries: function* entries() {
      for (const name of names()) {
        const node = child(name);
        if (node) yield [name, node] as const;
      }
    },
  };
}

export const EMPTY_DIR: VDir = mapDir(() => []);
