// What privileged code runs against: a root (the machine's `/`, or a fake root
// that only tests construct; never taken from the environment), who asked,
// how modules load, and where audit lines go.
import fs from 'node:fs';
import { toolsFor } from '../perform-on-sysfs';
import type { SysfsTools } from '../perform-on-sysfs';

export interface PrivilegedContext {
  /** The directory holding `sys/`, `etc/`, `run/`, `var/`: `/` on the machine. */
  readonly root: string;
  /** Who asked, for the audit trail: `uid 1000 via pkexec`. */
  readonly who: string;
  readonly tools: SysfsTools;
  /** logger(1) for syslog; null appends to `var/log/bindery/audit.log` under the root instead. */
  readonly logger: string | null;
}

const LOGGER_PATHS = ['/usr/bin/logger', '/bin/logger'];

/** pkexec and sudo name the user they act for; otherwise it is the process's own uid. */
export function requester(env: NodeJS.ProcessEnv, uid: number | undefined = process.getuid?.()): string {
  const named = (key: string): string | null => {
    const value = env[key];
    return value !== undefined && /^\d{1,10}$/.test(value) ? value : null;
  };
  const pkexec = named('PKEXEC_UID');
  if (pkexec !== null) return `uid ${pkexec} via pkexec`;
  const sudo = named('SUDO_UID');
  if (sudo !== null) return `uid ${sudo} via sudo`;
  return `uid ${uid ?? 'unknown'}`;
}

/** The machine itself. The environment only says who asked; it can never move the root. */
export function systemContext(env: NodeJS.ProcessEnv = process.env): PrivilegedContext {
  return {
    root: '/',
    who: requester(env),
    tools: toolsFor('/'),
    logger: LOGGER_PATHS.find((candidate) => fs.existsSync(candidate)) ?? null,
  };
}
