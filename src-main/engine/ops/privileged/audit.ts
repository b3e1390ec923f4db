// One line per change for the audit trail: who asked, what (the operation as
// data), and what came of it. To syslog (authpriv) through logger(1) when
// there is one, else appended to var/log/bindery/audit.log under the root.
// JSON keeps every value on one line, whatever it holds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PrivilegedContext } from './context';
import type { Verb } from './protocol';

export const AUDIT_LOG = '/var/log/bindery/audit.log';

export interface AuditRecord {
  readonly verb: Verb;
  readonly what: unknown;
  /** `ok`, or the errno and message of what went wrong. */
  readonly result: 'ok' | { readonly errno: string; readonly message: string };
}

function toSyslog(logger: string, line: string): boolean {
  const run = spawnSync(logger, ['-t', 'bindery-helper', '-p', 'authpriv.notice', '--', line], {
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
    stdio: 'ignore',
    timeout: 10_000,
    shell: false,
  });
  return run.status === 0;
}

function toFile(root: string, line: string): void {
  const file = path.join(root, AUDIT_LOG);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o750 });
  const flags = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW;
  const fd = fs.openSync(file, flags, 0o640);
  try {
    fs.writeSync(fd, `${line}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

export function audit(context: PrivilegedContext, record: AuditRecord): void {
  const line = JSON.stringify({ who: context.who, verb: record.verb, what: record.what, result: record.result });
  if (context.logger !== null && toSyslog(context.logger, line)) return;
  try {
    toFile(context.root, line);
  } catch (error) {
    // The change is made either way; say that its record is missing.
    process.stderr.write(`bindery-helper: could not write the audit line (${String(error)}): ${line}\n`);
  }
}
