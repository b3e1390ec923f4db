// Errno numbers and messages back to the names the simulator prints. Node
// names some errnos after libuv (ENOTSUP for EOPNOTSUPP) and iproute2 and kmod
// print strerror(3) text, so both are mapped here to the kernel's own names.
import os from 'node:os';

/** Where two names share a number, the one the kernel's sources use. */
const PREFERRED = new Set(['EOPNOTSUPP', 'EAGAIN', 'EDEADLK']);

const NAMES = new Map<number, string>();
for (const [name, number] of Object.entries(os.constants.errno)) {
  if (!NAMES.has(number) || PREFERRED.has(name)) NAMES.set(number, name);
}

export function errnoName(number: number): string {
  return NAMES.get(number) ?? `E${number}`;
}

/** The errno name of a failed Node system call (its `errno` is the negative number). */
export function errnoOfError(error: unknown): string {
  const errno = typeof error === 'object' && error !== null ? (error as { errno?: unknown }).errno : undefined;
  if (typeof errno === 'number') return errnoName(Math.abs(errno));
  throw error;
}

/** strerror(3) messages (from the guest's own C library) to errno names. */
export class ErrnoMessages {
  private readonly byMessage = new Map<string, string>();

  /** `table`: lines of `NUMBER MESSAGE`, as `vfio-attach strerror` prints them. */
  constructor(table: string) {
    for (const line of table.split('\n')) {
      const match = /^(\d+) (.+)$/.exec(line);
      if (match?.[1] !== undefined && match[2] !== undefined) this.byMessage.set(match[2], errnoName(Number(match[1])));
    }
  }

  name(message: string): string | null {
    return this.byMessage.get(message.trim()) ?? null;
  }
}
