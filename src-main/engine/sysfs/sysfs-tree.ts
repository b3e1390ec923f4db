// One scan's view of a sysfs tree: every read goes through here, so each file
// is read at most once (hits and misses are cached, sd-device style), nothing
// outside the root is ever followed, and every failure other than "not there"
// becomes a problem for the user instead of an exception.
import path from 'node:path';
import { ProblemLog, errnoOf, isVanished, reasonOf } from './problems';
import type { SourceEntry, SysfsSource } from './sysfs-source';

/** `absent`: not there (or vanished); `failed`: there but unreadable, already logged. */
export type Read<T> =
  | { readonly state: 'ok'; readonly value: T }
  | { readonly state: 'absent' }
  | { readonly state: 'failed' };

const ABSENT = { state: 'absent' } as const;
const FAILED = { state: 'failed' } as const;

interface Listing {
  readonly entries: readonly SourceEntry[];
  readonly names: ReadonlySet<string>;
}

/** `dir/name` for normalized absolute paths; path.join would normalize again, on every read. */
export function child(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export class SysfsTree {
  readonly problems = new ProblemLog();
  private readonly files = new Map<string, Read<string>>();
  private readonly links = new Map<string, Read<string>>();
  private readonly listings = new Map<string, Listing | null>();
  private readonly vanished = new Set<string>();

  /** `root` must be a real (symlink-free) absolute path of `source`. */
  constructor(
    readonly root: string,
    private readonly source: SysfsSource,
  ) {}

  /** An absolute path under the root. */
  path(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  /** A path as the user sees it: relative to the root, with a leading `/`. */
  display(abs: string): string {
    if (this.root === '/') return abs;
    return abs === this.root ? '/' : abs.slice(this.root.length);
  }

  /** Whether `abs` is the root or inside it. */
  contains(abs: string): boolean {
    return abs === this.root || this.root === '/' || abs.startsWith(`${this.root}/`);
  }

  report(abs: string, code: string, message: string): void {
    this.problems.add(this.display(abs), code, message);
  }

  private failure(abs: string, error: unknown, what: string): typeof FAILED {
    this.report(abs, errnoOf(error), `Cannot ${what}: ${reasonOf(error)}`);
    return FAILED;
  }

  /**
   * Whether `dir/name` may exist. Once a directory has been listed, its
   * listing answers: probing absent files one by one (most optional
   * attributes are absent) costs a failed syscall and an exception each.
   */
  private mayExist(dir: string, name: string): boolean {
    return this.listings.get(dir)?.names.has(name) ?? true;
  }

  /** A text attribute, whole. */
  read(dir: string, name: string): Read<string> {
    const file = child(dir, name);
    let result = this.files.get(file);
    if (result === undefined) {
      result = ABSENT;
      if (this.mayExist(dir, name)) {
        try {
          result = { state: 'ok', value: this.source.readAttribute(file) };
        } catch (error) {
          if (!isVanished(error)) result = this.failure(file, error, 'read this attribute');
        }
      }
      this.files.set(file, result);
    }
    return result;
  }

  /** A text attribute without its trailing newline; null when absent or unreadable. */
  text(dir: string, name: string): string | null {
    const result = this.read(dir, name);
    return result.state === 'ok' ? result.value.trimEnd() : null;
  }

  /**
   * The first `count` bytes of a binary attribute such as `config`. Failures are
   * not problems: callers have a fallback, and non-root readers may be refused.
   */
  bytes(dir: string, name: string, count: number): Uint8Array | null {
    if (!this.mayExist(dir, name)) return null;
    try {
      return this.source.readBytes(child(dir, name), count);
    } catch {
      return null;
    }
  }

  /** The target text of a symlink, as stored (usually relative). */
  readLink(dir: string, name: string): Read<string> {
    const link = child(dir, name);
    let result = this.links.get(link);
    if (result === undefined) {
      result = ABSENT;
      if (this.mayExist(dir, name)) {
        try {
          result = { state: 'ok', value: this.source.readLink(link) };
        } catch (error) {
          if (!isVanished(error)) result = this.failure(link, error, 'read this link');
        }
      }
      this.links.set(link, result);
    }
    return result;
  }

  /** The last path component of a symlink's target (`driver` -> `nouveau`); null when absent. */
  linkName(dir: string, name: string): string | null {
    const result = this.readLink(dir, name);
    return result.state === 'ok' ? path.basename(result.value) : null;
  }

  /** Where a link (or path) really leads, if that is inside the root. */
  resolve(abs: string): Read<string> {
    let real: string;
    try {
      real = this.source.realPath(abs);
    } catch (error) {
      return isVanished(error) ? ABSENT : this.failure(abs, error, 'follow this link');
    }
    if (!this.contains(real)) {
      this.report(abs, 'EXDEV', `Leads outside the tree being read (${real}); not followed`);
      return FAILED;
    }
    return { state: 'ok', value: real };
  }

  private list(dir: string): Listing | null {
    try {
      const entries = this.source.list(dir);
      return { entries, names: new Set(entries.map((entry) => entry.name)) };
    } catch (error) {
      if (isVanished(error)) this.vanished.add(dir);
      else this.failure(dir, error, 'list this directory');
      return null;
    }
  }

  /** Whether `abs` (following links) is a directory; throws like the source when it vanished. */
  isDirectory(abs: string): boolean {
    return this.source.isDirectory(abs);
  }

  /** Whether listing `dir` found it gone (as opposed to unreadable, or not tried yet). */
  isGone(dir: string): boolean {
    return this.vanished.has(dir);
  }

  /** The entries of a directory; null when it is absent or unreadable. */
  entries(dir: string): readonly SourceEntry[] | null {
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      listing = null;
      if (this.mayExist(path.dirname(dir), path.basename(dir))) listing = this.list(dir);
      else this.vanished.add(dir);
      this.listings.set(dir, listing);
    }
    return listing?.entries ?? null;
  }
}
