// LinuxHost.perform: a captured tree is never changed; on the machine an
// unprivileged user's change goes through pkexec and the installed helper.
// pkexec here is a stand-in script; the helper path is a root-owned file that
// exists everywhere (/usr/bin/true), because the client checks that it is safe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LinuxHost } from '../../../../../src-main/engine/host/linux-host';
import { openIdDatabase } from '../../../../../src-main/engine/ids/id-database';
import type { ChangeRoute } from '../../../../../src-main/engine/ops/privileged/change-route';
import { makeFakeRoot } from '../ops/support/fake-root';
import type { FakeRoot } from '../ops/support/fake-root';
import { bundle } from '../../helper/support/bundle';

const SAFE_HELPER = '/usr/bin/true';
const OPERATION = { kind: 'probe', device: 'pci/0000:03:00.0' } as const;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-pkexec-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

function host(changes: ChangeRoute): LinuxHost {
  return new LinuxHost({ root: '/', ids: openIdDatabase([]), changes });
}

function throughPkexec(body: string, helper = SAFE_HELPER): LinuxHost {
  return host({ kind: 'pkexec', pkexec: script('pkexec', body), helper });
}

describe('LinuxHost.perform', () => {
  it('refuses to change a captured tree', async () => {
    const fake = makeFakeRoot();
    try {
      const captured = new LinuxHost({ root: fake.root, ids: openIdDatabase([]) });
      expect(await captured.perform(OPERATION)).toEqual({
        ok: false, errno: 'EROFS', message: `${fake.root} is a captured sysfs tree: Bindery reads it and never changes it.`,
      });
    } finally {
      fake.remove();
    }
  });

  it.each([126, 127])('turns pkexec’s exit %i (dismissed, not authorized) into a calm ECANCELED', async (code) => {
    expect(await throughPkexec(`cat > /dev/null; exit ${code}`).perform(OPERATION))
      .toEqual({ ok: false, errno: 'ECANCELED', message: 'Authentication was cancelled; nothing changed.' });
  });

  it('says when no polkit agent could ask for the password', async () => {
    const result = await throughPkexec('echo "Error executing command as another user: No authentication agent found." >&2; exit 127').perform(OPERATION);
    expect(result).toMatchObject({ ok: false, errno: 'ECANCELED', message: expect.stringMatching(/No polkit authentication agent.*nothing changed.*sudo/) });
  });

  it('says plainly when the helper is not installed, and never runs pkexec', async () => {
    const result = await throughPkexec(`touch ${dir}/ran`, path.join(dir, 'bindery-helper')).perform(OPERATION);
    expect(result).toEqual({
      ok: false, errno: 'ENOENT',
      message: `Bindery changes devices through ${path.join(dir, 'bindery-helper')}, which is not installed here (a development checkout?). Nothing was changed. `
        + 'Install the Bindery package, which installs the helper and its polkit policy, or run the bindery command with sudo.',
    });
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false);
  });

  it('refuses a helper that others could change', async () => {
    const helper = path.join(dir, 'bindery-helper');
    fs.writeFileSync(helper, '');
    fs.chmodSync(helper, 0o777);
    expect(await throughPkexec(`touch ${dir}/ran`, helper).perform(OPERATION)).toMatchObject({ ok: false, errno: 'EPERM' });
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false);
  });

  it('says when pkexec itself is missing', async () => {
    const result = await host({ kind: 'pkexec', pkexec: path.join(dir, 'no-pkexec'), helper: SAFE_HELPER }).perform(OPERATION);
    expect(result).toMatchObject({ ok: false, errno: 'ENOENT', message: expect.stringMatching(/Install polkit/) });
  });

  it('does not believe an answer that does not parse or does not match the exit code', async () => {
    expect(await throughPkexec('cat > /dev/null; echo "not json"; echo "it broke" >&2; exit 3').perform(OPERATION))
      .toMatchObject({ ok: false, errno: 'EIO', message: expect.stringMatching(/exit status 3 and no valid answer: it broke/) });
    const done = '{"status":"done","summary":"","error":null,"results":[],"restored":[]}';
    expect(await throughPkexec(`cat > /dev/null; echo '${done}'; exit 1`).perform(OPERATION))
      .toMatchObject({ ok: false, errno: 'EIO' });
  });
});

describe('LinuxHost.perform through pkexec and the helper, on a fake root', () => {
  let helper: Awaited<ReturnType<typeof bundle>>;
  let fake: FakeRoot;
  beforeAll(async () => {
    helper = await bundle('test/unit/src-main/helper/support/fake-root-helper.ts');
    fake = makeFakeRoot();
  });
  afterAll(() => {
    helper.remove();
    fake.remove();
  });

  it('sends the request on stdin, the verb as the only argument after the helper, and reports the result', async () => {
    const pkexec = `[ "$#" -eq 2 ] && [ "$1" = "${SAFE_HELPER}" ] || exit 99\nexec "${process.execPath}" "${helper.file}" "${fake.root}" "$2"`;
    fs.writeFileSync(path.join(fake.root, 'sys/bus/pci/drivers_probe'), '');
    expect(await throughPkexec(pkexec).perform(OPERATION)).toEqual({ ok: true });
    expect(fs.readFileSync(path.join(fake.root, 'sys/bus/pci/drivers_probe'), 'utf8')).toBe('0000:03:00.0\n');
    expect(await throughPkexec(pkexec).perform({ kind: 'bind', device: 'pci/0000:03:00.0', driver: 'nosuch' }))
      .toEqual({ ok: false, errno: 'ENOENT', message: 'There is no driver nosuch on the pci bus.' });
  });
});
