// Finding and reading modules.alias: the search, the explicit file, the
// built-in aliases beside it, and plain words when something is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAliasDatabase } from '../../../../../src-main/engine/alias/database';
import { candidatesForModalias } from '../../../../../src-main/engine/alias/report';
import { DEBIAN_6_12 } from './support/fixtures';

const I40E = 'pci:v00008086d00001572sv00008086sd00000001bc02sc00i00';
let root: string;

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-alias-db-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('loadAliasDatabase', () => {
  it('reads the Debian file given explicitly', () => {
    const db = loadAliasDatabase({ root, kernelRelease: '6.12.113-amd64', modulesAliasFile: DEBIAN_6_12 });
    expect(db.source).toEqual({
      status: 'ok', path: DEBIAN_6_12, builtinPath: null, kernelRelease: '6.12.113-amd64', aliasCount: 27429, message: null,
    });
    expect(candidatesForModalias(db, I40E, root).recommended).toBe('i40e');
  });

  it('prefers an explicit file to the kernel directory', () => {
    write('lib/modules/6.1.0-test/modules.alias', 'alias pci:v00008086d00001572sv*sd*bc*sc*i* from_tree\n');
    const explicit = write('elsewhere/modules.alias', 'alias pci:v00008086d00001572sv*sd*bc*sc*i* from_option\n');
    const db = loadAliasDatabase({ root, kernelRelease: '6.1.0-test', modulesAliasFile: explicit });
    expect(candidatesForModalias(db, I40E, root).recommended).toBe('from_option');
  });

  it('looks in lib/modules/<release>, then usr/lib/modules/<release>', () => {
    write('usr/lib/modules/6.1.0-test/modules.alias', 'alias pci:v00008086d00001572sv*sd*bc*sc*i* from_usr\n');
    const fromUsr = loadAliasDatabase({ root, kernelRelease: '6.1.0-test' });
    expect(fromUsr.source.path).toBe(path.join(root, 'usr/lib/modules/6.1.0-test/modules.alias'));
    write('lib/modules/6.1.0-test/modules.alias', 'alias pci:v00008086d00001572sv*sd*bc*sc*i* from_lib\n');
    const fromLib = loadAliasDatabase({ root, kernelRelease: '6.1.0-test' });
    expect(candidatesForModalias(fromLib, I40E, root).recommended).toBe('from_lib');
  });

  it('takes the only kernel directory of a captured tree whose release is unknown', () => {
    write('lib/modules/6.12.113-amd64/modules.alias', 'alias virtio:d00000001v* virtio_net\n');
    const db = loadAliasDatabase({ root, kernelRelease: null });
    expect(db.source).toMatchObject({ status: 'ok', kernelRelease: '6.12.113-amd64', aliasCount: 1 });
  });

  it('says which kernels it found when a captured tree has several', () => {
    write('lib/modules/6.1.0-test/modules.alias', '');
    write('lib/modules/6.12.0-test/modules.alias', '');
    const db = loadAliasDatabase({ root, kernelRelease: null });
    expect(db.source.status).toBe('missing');
    expect(db.source.message).toContain('has several kernels (');
    expect(db.source.message).toContain('6.1.0-test');
    expect(db.source.message).toContain('Pass --modules-alias FILE');
  });

  it('says the running kernel is unknown on the live machine without a release', () => {
    const db = loadAliasDatabase({ root: '/', kernelRelease: null });
    expect(db.source).toMatchObject({ status: 'missing', path: null });
    expect(db.source.message).toContain("running kernel's release is unknown");
  });

  it('tells what to install when the running kernel has no modules.alias', () => {
    const db = loadAliasDatabase({ root: '/', kernelRelease: '0.0.0-bindery-none' });
    expect(db.source).toMatchObject({ status: 'missing', path: '/lib/modules/0.0.0-bindery-none/modules.alias', aliasCount: 0 });
    expect(db.source.message).toContain('looked for /lib/modules/0.0.0-bindery-none/modules.alias and /usr/lib/modules/0.0.0-bindery-none/modules.alias');
    expect(db.source.message).toContain('linux-image-0.0.0-bindery-none');
    expect(db.source.message).toContain('--modules-alias FILE');
  });

  it('names a missing --modules-alias file', () => {
    const db = loadAliasDatabase({ root, kernelRelease: null, modulesAliasFile: path.join(root, 'nope') });
    expect(db.source).toMatchObject({ status: 'missing', path: path.join(root, 'nope') });
    expect(db.source.message).toContain('given with --modules-alias');
  });

  it('reports an unreadable file instead of throwing', () => {
    fs.mkdirSync(path.join(root, 'lib/modules/6.1.0-test/modules.alias'), { recursive: true });
    const db = loadAliasDatabase({ root, kernelRelease: '6.1.0-test' });
    expect(db.source.status).toBe('unreadable');
    expect(db.source.message).toContain('it is a directory, not a file');
    const report = candidatesForModalias(db, I40E, root);
    expect(report.candidates).toEqual([]);
    expect(report.recommended).toBeNull();
    expect(report.note).toBe(db.source.message);
  });

  it('gives no candidates and the reason when the file is missing', () => {
    const db = loadAliasDatabase({ root, kernelRelease: '6.1.0-test' });
    const report = candidatesForModalias(db, I40E, root);
    expect(report).toMatchObject({ candidates: [], recommended: null, vfio: 'vfio_pci', source: { status: 'missing' } });
    expect(report.note).toContain('No modules.alias for kernel 6.1.0-test');
  });

  it('warns about a file with no alias lines', () => {
    const file = write('modules.alias', '# Aliases extracted from modules themselves.\n');
    const db = loadAliasDatabase({ root, kernelRelease: null, modulesAliasFile: file });
    expect(db.source).toMatchObject({ status: 'ok', aliasCount: 0 });
    expect(db.source.message).toContain('holds no alias lines');
  });

  it('adds modules.builtin.alias from beside the file, marked built in', () => {
    write('lib/modules/6.1.0-test/modules.alias', 'alias pci:v00008086d00001572sv*sd*bc*sc*i* i40e\n');
    write('lib/modules/6.1.0-test/modules.builtin.alias', 'alias pci:v*d*sv*sd*bc02sc00i* builtin_nic\n');
    const db = loadAliasDatabase({ root, kernelRelease: '6.1.0-test' });
    expect(db.source).toMatchObject({
      status: 'ok', aliasCount: 2, builtinPath: path.join(root, 'lib/modules/6.1.0-test/modules.builtin.alias'),
    });
    const candidates = candidatesForModalias(db, I40E, root).candidates;
    // Equal scores: modules.alias comes first in file order.
    expect(candidates.map((c) => [c.module, c.builtin])).toEqual([['i40e', false], ['builtin_nic', true]]);
  });

  it('falls back to the built-in aliases of modules.builtin.modinfo, which is what Debian ships', () => {
    write('lib/modules/6.1.0-test/modules.alias', 'alias pci:v00008086d00001572sv*sd*bc*sc*i* i40e\n');
    write('lib/modules/6.1.0-test/modules.builtin.modinfo',
      'fuse.license=GPL\0fuse.alias=devname:fuse\0fuse.alias=char-major-10-229\0zbud.alias=zpool-zbud\0');
    const db = loadAliasDatabase({ root, kernelRelease: '6.1.0-test' });
    expect(db.source).toMatchObject({ aliasCount: 4, builtinPath: path.join(root, 'lib/modules/6.1.0-test/modules.builtin.modinfo') });
    expect(candidatesForModalias(db, 'devname:fuse', root).candidates).toMatchObject([
      { module: 'fuse', builtin: true, alias: 'devname:fuse', score: 1 },
    ]);
  });
});
