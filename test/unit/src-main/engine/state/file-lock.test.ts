// Two Bindery processes must never change the same state at once, also when a
// crashed process left its lock behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../../src-main/engine/state/file-lock';

describe('withFileLock', () => {
  it('takes over a lock whose owner died, and releases it afterwards', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-lock-'));
    const lock = path.join(dir, 'state.lock');
    fs.writeFileSync(lock, '999999999\n');
    expect(withFileLock(lock, () => fs.readFileSync(lock, 'utf8').trim())).toBe(String(process.pid));
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
