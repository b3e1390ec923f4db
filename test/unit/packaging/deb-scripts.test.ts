// The deb's maintainer scripts, run for real in a throw-away chroot (root
// only; fpm cannot be downloaded here, so no deb is built): the postinst
// installs each piece root-owned with its mode and enables the boot unit, the
// prerm does nothing on upgrade and removes every piece on removal, the postrm
// keeps the list of kept devices until purge. systemctl and udevadm are
// stand-ins that record their arguments.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOOLS = ['bash', 'sh', 'install', 'rm', 'rmdir', 'mkdir', 'readlink', 'chmod', 'ln'];
const runnable = process.getuid?.() === 0 && TOOLS.concat('chroot', 'ldd').every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);

function render(script: string): string {
  return fs.readFileSync(script, 'utf8').replaceAll('${executable}', 'bindery').replaceAll('${sanitizedProductName}', 'Bindery');
}

/** A root with the tools the scripts use, their libraries, /dev/null and the app bundle's resources. */
function makeChroot(): string {
  const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'bindery-chroot-'));
  const copy = (file: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(fs.realpathSync(file), path.join(root, file));
    fs.chmodSync(path.join(root, file), fs.statSync(file).mode & 0o7777);
  };
  for (const tool of TOOLS) {
    const binary = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    copy(binary);
    fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
    if (!fs.existsSync(path.join(root, 'bin', tool))) fs.symlinkSync(binary, path.join(root, 'bin', tool));
    for (const library of spawnSync('ldd', [binary], { encoding: 'utf8' }).stdout.match(/\/\S+/g) ?? []) {
      if (!fs.existsSync(path.join(root, library))) copy(library);
    }
  }
  fs.mkdirSync(path.join(root, 'dev'));
  expect(spawnSync('mknod', ['-m', '666', path.join(root, 'dev/null'), 'c', '1', '3']).status).toBe(0);
  fs.mkdirSync(path.join(root, 'etc'));
  fs.writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  fs.writeFileSync(path.join(root, 'etc/group'), 'root:x:0:\n');
  for (const dir of ['run/systemd/system', 'run/udev', 'log', 'opt/Bindery/resources/bindery']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  for (const tool of ['systemctl', 'udevadm']) {
    fs.writeFileSync(path.join(root, 'usr/bin', tool), `#!/bin/sh\necho "${tool} $*" >> /log/calls\n`, { mode: 0o755 });
  }
  const resources = path.join(root, 'opt/Bindery/resources/bindery');
  fs.writeFileSync(path.join(resources, 'bindery-helper.cjs'), '#!/usr/bin/node\n', { mode: 0o644 });
  for (const file of ['polkit/org.bindery.helper.policy', 'systemd/bindery-restore.service', 'systemd/bindery-restore@.service', 'udev/85-bindery.rules']) {
    fs.copyFileSync(path.join('packaging', file), path.join(resources, path.basename(file)));
  }
  for (const file of ['bindery', 'chrome-sandbox']) fs.writeFileSync(path.join(root, 'opt/Bindery', file), '');
  fs.writeFileSync(path.join(root, 'postinst'), render('packaging/deb/after-install.sh'));
  fs.writeFileSync(path.join(root, 'postrm'), render('packaging/deb/after-remove.sh'));
  fs.copyFileSync('packaging/deb/before-remove.sh', path.join(root, 'prerm'));
  return root;
}

describe.skipIf(!runnable)('the deb maintainer scripts', () => {
  let root: string;
  beforeAll(() => {
    root = makeChroot();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const run = (script: string, ...args: string[]) => spawnSync('chroot', [root, '/bin/bash', `/${script}`, ...args], { encoding: 'utf8' });
  const mode = (file: string) => {
    const stat = fs.lstatSync(path.join(root, file), { throwIfNoEntry: false });
    return stat ? `${(stat.mode & 0o7777).toString(8)} ${stat.uid}` : null;
  };
  const calls = () => fs.readFileSync(path.join(root, 'log/calls'), 'utf8').trim().split('\n');

  it('postinst installs the privileged parts root-owned and enables the boot unit', () => {
    expect(run('postinst', 'configure')).toMatchObject({ status: 0, stderr: '' });
    expect({
      helper: mode('usr/libexec/bindery/bindery-helper'),
      policy: mode('usr/share/polkit-1/actions/org.bindery.helper.policy'),
      unit: mode('usr/lib/systemd/system/bindery-restore.service'),
      template: mode('usr/lib/systemd/system/bindery-restore@.service'),
      rule: mode('usr/lib/udev/rules.d/85-bindery.rules'),
      state: mode('etc/bindery'),
    }).toEqual({ helper: '755 0', policy: '644 0', unit: '644 0', template: '644 0', rule: '644 0', state: '755 0' });
    expect(fs.readlinkSync(path.join(root, 'usr/bin/bindery'))).toBe('/opt/Bindery/bindery');
    expect(calls()).toEqual(['systemctl daemon-reload', 'systemctl enable bindery-restore.service', 'udevadm control --reload-rules']);
  });

  it('prerm keeps everything on upgrade and removes it all on removal', () => {
    expect(run('prerm', 'upgrade').status).toBe(0);
    expect(mode('usr/libexec/bindery/bindery-helper')).toBe('755 0');
    expect(run('prerm', 'remove').status).toBe(0);
    for (const dir of ['usr/libexec', 'usr/share/polkit-1/actions', 'usr/lib/systemd/system', 'usr/lib/udev/rules.d']) {
      expect(fs.readdirSync(path.join(root, dir))).toEqual([]);
    }
    expect(calls().slice(3)).toEqual(['systemctl disable bindery-restore.service', 'systemctl daemon-reload', 'udevadm control --reload-rules']);
  });

  it('postrm keeps the list of kept devices until purge', () => {
    fs.writeFileSync(path.join(root, 'etc/bindery/persisted.json'), '{"version":1,"devices":[]}\n');
    expect(run('postrm', 'remove').status).toBe(0);
    expect(fs.existsSync(path.join(root, 'etc/bindery/persisted.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'usr/bin/bindery'))).toBe(false);
    expect(run('postrm', 'purge').status).toBe(0);
    expect(fs.existsSync(path.join(root, 'etc/bindery'))).toBe(false);
  });
});
