// The steps that are programs on a real machine: kmod's modprobe and
// iproute2's vdpa and devlink, run as written (an argument vector, never a
// shell), their failures read back as errno names from what they print.
import { spawnSync } from 'node:child_process';
import type { ErrnoMessages } from './errno-names';

const PATH = '/sbin:/bin:/usr/sbin:/usr/bin';
/** A hung tool must fail its step, not the whole boot. */
const TIMEOUT_MS = 60_000;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(program: string, args: readonly string[]): Run {
  const result = spawnSync(program, args, { env: { PATH }, encoding: 'utf8', timeout: TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return { status: null, stdout: '', stderr: result.error.message };
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * kmod's modprobe: `-q` is dropped, since only its messages tell why a load
 * failed ("not found" is ENOENT, "could not insert 'm': MESSAGE" strerror,
 * and "Unknown symbol in module, or unknown parameter" is finit_module's ENOENT).
 */
export function modprobe(args: readonly string[], messages: ErrnoMessages): string {
  const result = run('modprobe', args.filter((arg) => arg !== '-q'));
  if (result.status === 0) return 'ok';
  if (/not found in directory/.test(result.stderr)) return 'err ENOENT';
  const inserted = /could not insert '[^']*': (.+)$/m.exec(result.stderr)?.[1] ?? '';
  if (inserted.startsWith('Unknown symbol in module')) return 'err ENOENT';
  return `err ${messages.name(inserted) ?? 'EIO'}`;
}

/**
 * `vdpa ...` or `devlink ...` as written. iproute2 ends a refused netlink
 * request with "kernel answers: MESSAGE"; anything else it refuses is a usage
 * error (EINVAL, as the simulator's runner says).
 */
export function iproute2(words: readonly string[], messages: ErrnoMessages): { readonly ok: boolean; readonly text: string } {
  const [program = '', ...args] = words;
  const result = run(program, args);
  if (result.status === 0) return { ok: true, text: result.stdout };
  const answer = /kernel answers: (.+)$/m.exec(result.stderr)?.[1];
  return { ok: false, text: `err ${(answer === undefined ? null : messages.name(answer)) ?? 'EINVAL'}` };
}

/** iproute2's multi-line port output as one line: every run of white space becomes one space. */
export function oneLine(text: string): string {
  return text.trim().split(/\s+/).join(' ');
}
