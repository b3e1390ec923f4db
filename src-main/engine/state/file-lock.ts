// A lock file so two processes never change the same state at once: created
// with O_EXCL and holding the owner's pid, so a lock left by a process that
// died is recognised and taken over.
import fs from 'node:fs';
import { BinderyFailure, bindery } from '../../../src-shared/errors';

const WAIT_STEP_MS = 20;
const GIVE_UP_MS = 10_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function ownerAlive(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
  } catch {
    // Gone already: not held.
    return false;
  }
  return pidAlive(pid);
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a dead owner's lock. Two processes may both find the owner dead; the
 * lock is moved aside (atomically) and removed only if its owner is still dead,
 * so a fresh lock another process took meanwhile is put back, not lost.
 */
function takeOverStale(lockFile: string): void {
  const aside = `${lockFile}.stale.${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    // Someone else moved it first.
    return;
  }
  try {
    if (ownerAlive(aside)) fs.linkSync(aside, lockFile);
  } catch {
    // Another lock already took its place: that one stands.
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** Runs `action` holding `lockFile`; waits for another holder, up to 10 s. */
export function withFileLock<T>(lockFile: string, action: () => T): T {
  const started = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!ownerAlive(lockFile)) {
        takeOverStale(lockFile);
        continue;
      }
      if (Date.now() - started > GIVE_UP_MS) {
        throw new BinderyFailure(
          bindery('BAD_INPUT', 'Busy', `Another Bindery process holds ${lockFile}.`, 'Wait for it to finish, then try again.'),
        );
      }
      sleep(WAIT_STEP_MS);
    }
  }
  try {
    return action();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

/** Writes a file so readers see the old or the new content, never half of it. */
export function writeFileAtomic(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
