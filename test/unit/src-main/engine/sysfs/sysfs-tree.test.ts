// One scan reads each file once (sd-device style): later reads, hits and
// misses alike, come from the cache, so a scan sees one consistent state of
// every attribute and each problem is reported once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesystemSource } from '../../../../../src-main/engine/sysfs/sysfs-source';
import { SysfsTree } from '../../../../../src-main/engine/sysfs/sysfs-tree';

let root = '';
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function tree(): SysfsTree {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-tree-')));
  return new SysfsTree(root, filesystemSource);
}

describe('SysfsTree', () => {
  it('reads an attribute once, even if it changes during the scan', () => {
    const t = tree();
    fs.writeFileSync(path.join(root, 'vendor'), '0x8086\n');
    expect(t.text(root, 'vendor')).toBe('0x8086');
    fs.writeFileSync(path.join(root, 'vendor'), '0x10de\n');
    expect(t.text(root, 'vendor')).toBe('0x8086');
  });

  it('remembers a miss, even if the file appears later', () => {
    const t = tree();
    expect(t.read(root, 'boot_vga')).toEqual({ state: 'absent' });
    fs.writeFileSync(path.join(root, 'boot_vga'), '1\n');
    expect(t.read(root, 'boot_vga')).toEqual({ state: 'absent' });
  });

  it('reports an unreadable attribute once however often it is asked for', () => {
    const t = tree();
    fs.mkdirSync(path.join(root, 'class'));
    expect(t.read(root, 'class')).toEqual({ state: 'failed' });
    expect(t.text(root, 'class')).toBeNull();
    expect(t.problems.sorted()).toEqual([{ path: '/class', code: 'EISDIR', message: 'Cannot read this attribute: illegal operation on a directory' }]);
  });

  it('shows paths relative to the root and resolves links only inside it', () => {
    const t = tree();
    fs.mkdirSync(path.join(root, 'sys/devices/a'), { recursive: true });
    fs.symlinkSync('devices/a', path.join(root, 'sys/in'));
    fs.symlinkSync('/', path.join(root, 'sys/out'));
    expect(t.resolve(path.join(root, 'sys/in'))).toEqual({ state: 'ok', value: path.join(root, 'sys/devices/a') });
    expect(t.resolve(path.join(root, 'sys/out'))).toEqual({ state: 'failed' });
    expect(t.resolve(path.join(root, 'sys/gone'))).toEqual({ state: 'absent' });
    expect(t.problems.sorted().map((p) => [p.path, p.code])).toEqual([['/sys/out', 'EXDEV']]);
    expect(t.display(path.join(root, 'sys/devices/a'))).toBe('/sys/devices/a');
  });
});
