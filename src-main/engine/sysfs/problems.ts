// What went wrong while reading, kept for the user instead of thrown: one bad
// attribute must not hide the rest of the machine.
import type { ScanProblem } from '../../../src-shared/model';

/** The errno name of a failed fs call (`EACCES`, `EISDIR`, ...). */
export function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/**
 * ENOENT means the file or device is not there (any more). sysfs changes under
 * a reader all the time, so that is normal, not a problem (sd-device does the same).
 */
export function isVanished(error: unknown): boolean {
  return errnoOf(error) === 'ENOENT';
}

/** Node's message without the errno prefix and the path: `illegal operation on a directory`. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^[A-Z0-9]+: ([^,]+)/.exec(message)?.[1] ?? message;
}

export class ProblemLog {
  private readonly items = new Map<string, ScanProblem>();

  /** `path` is as the user sees it (under the root); the first report of a path and code wins. */
  add(path: string, code: string, message: string): void {
    const id = `${path}\0${code}`;
    if (!this.items.has(id)) this.items.set(id, { path, code, message });
  }

  /** Sorted by path, then code, so two scans of the same tree report the same list. */
  sorted(): ScanProblem[] {
    const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.items.values()].sort((a, b) => byText(a.path, b.path) || byText(a.code, b.code));
  }
}
