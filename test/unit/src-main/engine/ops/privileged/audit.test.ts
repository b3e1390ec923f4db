// One audit line per change: to syslog through logger(1) when it works, else
// appended to var/log/bindery/audit.log under the root; always one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../../../../../../src-main/engine/ops/privileged/audit';
import { auditLines, testContext } from '../support/fake-root';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-audit-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function standInLogger(status: number): string {
  const file = path.join(dir, 'logger');
  fs.writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > ${dir}/logged\nexit ${status}\n`, { mode: 0o755 });
  return file;
}

const record = {
  verb: 'apply',
  what: { kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'vfio-pci' },
  result: { errno: 'EBUSY', message: 'a message\nwith a newline' },
} as const;

const line = JSON.stringify({ who: 'uid 1000 via pkexec', ...record });

describe('audit', () => {
  it('sends one line to syslog through logger, as arguments after --', () => {
    audit(testContext(dir, undefined, standInLogger(0)), record);
    expect(fs.readFileSync(path.join(dir, 'logged'), 'utf8')).toBe(`-t\nbindery-helper\n-p\nauthpriv.notice\n--\n${line}\n`);
    expect(auditLines(dir)).toEqual([]);
  });

  it('appends to the audit file under the root without logger, or when logger fails', () => {
    audit(testContext(dir), record);
    audit(testContext(dir, undefined, standInLogger(1)), { ...record, result: 'ok' });
    const text = fs.readFileSync(path.join(dir, 'var/log/bindery/audit.log'), 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(auditLines(dir)).toEqual([JSON.parse(line), { who: 'uid 1000 via pkexec', ...record, result: 'ok' }]);
    expect(fs.statSync(path.join(dir, 'var/log/bindery/audit.log')).mode & 0o777).toBe(0o640);
  });

  it('never appends through a link planted in place of the log', () => {
    fs.mkdirSync(path.join(dir, 'var/log/bindery'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'elsewhere'), '');
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'var/log/bindery/audit.log'));
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      audit(testContext(dir), record);
    } finally {
      process.stderr.write = stderr;
    }
    expect(fs.readFileSync(path.join(dir, 'elsewhere'), 'utf8')).toBe('');
  });
});
