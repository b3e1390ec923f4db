// Who is applying a plan: a process (pid, and the boot it runs in, since
// pids start over after a reboot) and one run inside it (a token), so a
// journal whose run ended without finishing is told from one still running,
// even in the same process.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

export interface Owner {
  readonly pid: number;
  readonly token: string;
  /** The kernel's boot id; null where it cannot be read. */
  readonly bootId: string | null;
}

/** Runs of this process that are applying now. */
const running = new Set<string>();

let bootIdCache: string | null | undefined;

function bootId(): string | null {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}

/** A new run of this process, counted as running until `stopRunning`. */
export function startRunning(): Owner {
  const owner = { pid: process.pid, token: randomUUID(), bootId: bootId() };
  running.add(owner.token);
  return owner;
}

export function stopRunning(owner: Owner): void {
  running.delete(owner.token);
}

/** Whether the run is still applying: in this process, by its token; elsewhere, by its process. */
export function ownerRunning(owner: Owner): boolean {
  if (owner.bootId !== bootId()) return false;
  if (owner.pid === process.pid) return running.has(owner.token);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
