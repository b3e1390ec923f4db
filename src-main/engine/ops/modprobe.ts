// Loading a module as root: kmod's modprobe by absolute path, an argument
// vector (never a shell), `--` so the name can never be read as an option, and
// an environment of nothing but a fixed PATH (modprobe runs install commands
// from modprobe.d, which must not see the caller's environment).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { DONE, failed, refused } from './attempt';
import type { SysfsAttempt } from './attempt';
import { errnoOf } from './errno';
import { isModuleName } from './operation-target';

const MODPROBE_PATHS = ['/usr/sbin/modprobe', '/sbin/modprobe'];
const SAFE_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';
/** Loading a large driver with its firmware takes seconds; a minute means it hangs. */
const TIMEOUT_MS = 60_000;

function findModprobe(): string | null {
  return MODPROBE_PATHS.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** The first line modprobe printed, made safe to show and log. */
function reason(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim().slice(0, 300);
}

/** `modprobe -- MODULE` with `binary` (found in the usual places by default). */
export function runModprobe(module: string, binary: string | null = findModprobe()): SysfsAttempt {
  if (!isModuleName(module)) return refused('EINVAL', `The module ${JSON.stringify(module)} is not valid.`);
  if (binary === null) return refused('ENOENT', 'modprobe is not installed (package kmod), so no module can be loaded.');
  const run = spawnSync(binary, ['--', module], {
    env: { PATH: SAFE_PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    shell: false,
  });
  if (run.error) return failed(errnoOf(run.error), `modprobe ${module}: ${errnoOf(run.error)}`);
  if (run.status === 0) return DONE;
  const why = reason(run.stderr) || `exit status ${run.status ?? run.signal}`;
  return failed(/not found/i.test(why) ? 'ENOENT' : 'EIO', `modprobe ${module}: ${why}`);
}
