// `settle` on the real kernel, whose udev is busybox's mdev: asynchronous work
// is done when no uevent came and no modprobe ran for a few polls in a row.
import fs from 'node:fs';

const POLL_MS = 100;
const QUIET_POLLS = 3;
const LIMIT_MS = 30_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function seqnum(): string {
  return fs.readFileSync('/sys/kernel/uevent_seqnum', 'utf8');
}

function modprobeRunning(): boolean {
  return fs.readdirSync('/proc').some((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'modprobe';
    } catch {
      return false; // It ended meanwhile.
    }
  });
}

export function settle(): string {
  const deadline = Date.now() + LIMIT_MS;
  let last = seqnum();
  let quiet = 0;
  while (quiet < QUIET_POLLS) {
    if (Date.now() > deadline) return 'err ETIMEDOUT';
    sleep(POLL_MS);
    const now = seqnum();
    quiet = now === last && !modprobeRunning() ? quiet + 1 : 0;
    last = now;
  }
  return 'ok';
}
