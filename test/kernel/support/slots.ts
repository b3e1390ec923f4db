// At most SLOTS VMs at once across every test process (vitest runs test files
// in parallel workers): a VM takes a slot file in the cache, made by a hard
// link so it appears with its holder's pid already in it, and a slot whose
// holder died is taken over.
import fs from 'node:fs';
import path from 'node:path';

/** One single-CPU VM per core of the 2-core machines this runs on. */
const SLOTS = 2;
const POLL_MS = 250;
let calls = 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): number | null {
  try {
    return Number(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function tryTake(file: string, mine: string): boolean {
  try {
    fs.linkSync(mine, file);
    return true;
  } catch {
    const pid = holder(file);
    if (pid !== null && !alive(pid)) fs.rmSync(file, { force: true });
    return false;
  }
}

/** Runs `work` holding a slot. */
export async function withSlot<T>(cache: string, work: () => Promise<T>): Promise<T> {
  const files = Array.from({ length: SLOTS }, (_, i) => path.join(cache, `vm-slot-${i}`));
  const mine = path.join(cache, `vm-slot-pid-${process.pid}-${(calls += 1)}`);
  fs.writeFileSync(mine, String(process.pid));
  let taken: string | undefined;
  try {
    while ((taken = files.find((file) => tryTake(file, mine))) === undefined) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  } finally {
    fs.rmSync(mine, { force: true });
  }
  try {
    return await work();
  } finally {
    fs.rmSync(taken, { force: true });
  }
}
