// The committed workstation tree is exactly what its generator writes, so
// editing one without the other is caught.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWorkstation } from '../../../../fixtures/sysfs/make-workstation';

const COMMITTED = path.resolve('test/fixtures/sysfs/workstation');

/** Every entry under `root`: files with their bytes (base64), links with their target text. */
function listing(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isSymbolicLink()) out.push(`${child} -> ${fs.readlinkSync(path.join(root, child))}`);
      else if (entry.isDirectory()) {
        out.push(`${child}/`);
        walk(child);
      } else out.push(`${child} = ${fs.readFileSync(path.join(root, child)).toString('base64')}`);
    }
  };
  walk('');
  return out.sort();
}

describe('workstation fixture', () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-workstation-'));
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  it('matches what make-workstation.ts writes', () => {
    writeWorkstation(fresh);
    expect(listing(COMMITTED)).toEqual(listing(fresh));
  });

  it('has no empty directories, which git would drop from a clone', () => {
    expect(listing(COMMITTED).filter((entry) => entry.endsWith('/') && fs.readdirSync(path.join(COMMITTED, entry)).length === 0)).toEqual([]);
  });
});
