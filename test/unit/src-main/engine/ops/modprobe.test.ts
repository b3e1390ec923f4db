// modprobe runs by absolute path with an argument vector, `--` before the
// name and nothing of the caller's environment but a fixed PATH. A stand-in
// binary records what it was given (the real one would load into this kernel).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runModprobe } from '../../../../../src-main/engine/ops/modprobe';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-modprobe-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function standIn(body: string): string {
  const file = path.join(dir, 'modprobe');
  fs.writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > ${dir}/args\nenv > ${dir}/env\n${body}\n`, { mode: 0o755 });
  return file;
}

describe('runModprobe', () => {
  it('passes -- and the name as separate arguments, with only PATH in the environment', () => {
    process.env.BINDERY_TEST_SECRET = 'must-not-leak';
    try {
      expect(runModprobe('vfio_pci', standIn('exit 0'))).toEqual({ ok: true });
    } finally {
      delete process.env.BINDERY_TEST_SECRET;
    }
    expect(fs.readFileSync(path.join(dir, 'args'), 'utf8')).toBe('--\nvfio_pci\n');
    const env = fs.readFileSync(path.join(dir, 'env'), 'utf8');
    expect(env).toContain('PATH=/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env).not.toContain('must-not-leak');
  });

  it('maps a missing module to ENOENT with modprobe’s own words, control characters removed', () => {
    const binary = standIn("printf 'modprobe: FATAL: Module nosuch not found\\033[31m in directory /lib/modules/6.12\\n' >&2\nexit 1");
    expect(runModprobe('nosuch', binary)).toEqual({
      ok: false, refused: false, errno: 'ENOENT',
      message: 'modprobe nosuch: modprobe: FATAL: Module nosuch not found [31m in directory /lib/modules/6.12',
    });
    expect(runModprobe('broken', standIn('exit 3'))).toMatchObject({ ok: false, errno: 'EIO', message: 'modprobe broken: exit status 3' });
  });

  it.each(['-r', '--remove', 'vfio_pci;reboot', 'a b', '', 'x'.repeat(65), 'vfio.pci', '../x'])('refuses %j without running anything', (name) => {
    expect(runModprobe(name, path.join(dir, 'does-not-exist'))).toMatchObject({ ok: false, refused: true, errno: 'EINVAL' });
  });

  it('says when modprobe is not installed', () => {
    expect(runModprobe('vfio_pci', null)).toMatchObject({ ok: false, refused: true, errno: 'ENOENT', message: expect.stringMatching(/kmod/) });
  });
});
