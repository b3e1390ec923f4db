// Operations on a real (fake-rooted) sysfs tree: each valid one writes exactly
// its bytes, in one write(2), to exactly its file; a device or driver that does
// not exist, and every symlink trick, is refused with nothing written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Operation } from '../../../../../src-shared/plan';
import { attemptOnSysfs, performOnSysfs } from '../../../../../src-main/engine/ops/perform-on-sysfs';
import { changedEntries, deviceDir, fakeModprobe, makeFakeRoot, recordWrites, snapshot } from './support/fake-root';
import type { FakeRoot } from './support/fake-root';

let fake: FakeRoot;

/** Runs `operation`, returning what it came to, which entries changed and every write(2). */
function run(operation: Operation) {
  const before = snapshot(fake.base);
  const recorder = recordWrites();
  try {
    const attempt = attemptOnSysfs(fake.root, operation);
    return { attempt, changed: changedEntries(before, snapshot(fake.base)), writes: recorder.writes };
  } finally {
    recorder.stop();
  }
}

describe('performOnSysfs: valid operations', () => {
  // Each test empties the one file it expects to be written, so they can share a tree.
  beforeAll(() => {
    fake = makeFakeRoot();
  });
  afterAll(() => fake.remove());

  it.each<[Operation, (root: string) => string, string]>([
    [{ kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'vfio-pci' }, (r) => `${deviceDir(r, '0000:01:00.0')}/driver_override`, 'vfio-pci\n'],
    [{ kind: 'set-override', device: 'pci/0000:04:00.3', driver: null }, (r) => `${deviceDir(r, '0000:04:00.3')}/driver_override`, '\n'],
    [{ kind: 'unbind', device: 'pci/0000:01:00.0', driver: 'nouveau' }, () => 'sys/bus/pci/drivers/nouveau/unbind', '0000:01:00.0\n'],
    [{ kind: 'bind', device: 'pci/0000:01:00.0', driver: 'vfio-pci' }, () => 'sys/bus/pci/drivers/vfio-pci/bind', '0000:01:00.0\n'],
    [{ kind: 'probe', device: 'pci/0000:01:00.0' }, () => 'sys/bus/pci/drivers_probe', '0000:01:00.0\n'],
    [{ kind: 'unbind', device: 'usb/1-1:1.0', driver: 'usbhid' }, () => 'sys/bus/usb/drivers/usbhid/unbind', '1-1:1.0\n'],
  ])('%j writes exactly its bytes to exactly its file', (operation, file, data) => {
    const target = file(fake.root);
    // Start empty, as write-only attributes read, so the file shows exactly what was written.
    fs.writeFileSync(path.join(fake.root, target), '');
    const result = run(operation);
    expect(result.attempt).toEqual({ ok: true });
    expect(result.writes).toEqual([{ file: fs.realpathSync(path.join(fake.root, target)), data }]);
    expect(result.changed).toEqual([path.join('root', target)]);
    expect(fs.readFileSync(path.join(fake.root, target), 'utf8')).toBe(data);
  });

  it('loads modules through the tools it is given, and refuses to for a fake root by default', () => {
    const calls: string[] = [];
    expect(attemptOnSysfs(fake.root, { kind: 'load-module', module: 'vfio_pci' }, fakeModprobe(fake.root, calls, { vfio_pci: 'vfio-pci' })))
      .toEqual({ ok: true });
    expect(calls).toEqual(['vfio_pci']);
    expect(performOnSysfs(fake.root, { kind: 'load-module', module: 'vfio_pci' }))
      .toEqual({ ok: false, errno: 'EPERM', message: expect.stringContaining('modules load into the running kernel only') });
  });

  it('reports an OperationResult without the refused flag', () => {
    expect(performOnSysfs(fake.root, { kind: 'probe', device: 'pci/0000:09:00.0' }))
      .toEqual({ ok: false, errno: 'ENODEV', message: 'There is no device pci/0000:09:00.0.' });
  });
});

describe('performOnSysfs: refusals', () => {
  // Each test tampers with its tree.
  beforeEach(() => {
    fake = makeFakeRoot();
  });
  afterEach(() => fake.remove());

  function expectRefused(operation: Operation, errno: string, message: RegExp): void {
    const result = run(operation);
    expect(result.attempt).toMatchObject({ ok: false, refused: true, errno });
    expect(result.attempt.ok ? '' : result.attempt.message).toMatch(message);
    expect(result.writes).toEqual([]);
    expect(result.changed).toEqual([]);
  }

  it('refuses devices and drivers that do not exist', () => {
    expectRefused({ kind: 'probe', device: 'pci/0000:09:00.0' }, 'ENODEV', /no device pci\/0000:09:00.0/);
    expectRefused({ kind: 'probe', device: 'nosuchbus/x' }, 'ENODEV', /no device/);
    expectRefused({ kind: 'bind', device: 'pci/0000:01:00.0', driver: 'nosuch' }, 'ENOENT', /no driver nosuch on the pci bus/);
    expectRefused({ kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'nosuch' }, 'ENOENT', /no driver nosuch/);
    // A driver of another bus is not a driver of this one.
    expectRefused({ kind: 'bind', device: 'pci/0000:01:00.0', driver: 'usbhid' }, 'ENOENT', /no driver usbhid on the pci bus/);
  });

  it('refuses a bus without the attribute (no driver_override on usb)', () => {
    expectRefused({ kind: 'set-override', device: 'usb/1-1', driver: 'usbhid' }, 'ENOENT', /driver_override does not exist/);
  });

  it('refuses names that could steer a path, even past the type system', () => {
    expectRefused({ kind: 'probe', device: 'pci/../../etc' }, 'EINVAL', /is not valid/);
    expectRefused({ kind: 'bind', device: 'pci/0000:01:00.0', driver: '../../../etc' }, 'EINVAL', /is not valid/);
    expectRefused({ kind: 'load-module', module: '-v' }, 'EINVAL', /is not valid/);
  });

  it('refuses an attribute replaced by a symlink, and leaves its target alone', () => {
    const secret = path.join(fake.outside, 'secret');
    fs.writeFileSync(secret, 'keep\n');
    const attr = path.join(fake.root, deviceDir(fake.root, '0000:03:00.0'), 'driver_override');
    fs.rmSync(attr);
    fs.symlinkSync(secret, attr);
    expectRefused({ kind: 'set-override', device: 'pci/0000:03:00.0', driver: 'vfio-pci' }, 'ELOOP', /is a symbolic link/);
    // A link that stays inside sysfs is no better.
    fs.rmSync(path.join(fake.root, 'sys/bus/pci/drivers/igb/unbind'));
    fs.symlinkSync('../nouveau/unbind', path.join(fake.root, 'sys/bus/pci/drivers/igb/unbind'));
    expectRefused({ kind: 'unbind', device: 'pci/0000:03:00.0', driver: 'igb' }, 'ELOOP', /is a symbolic link/);
  });

  it('refuses an attribute hard-linked to a file elsewhere', () => {
    const secret = path.join(fake.outside, 'secret');
    fs.writeFileSync(secret, 'keep\n');
    const attr = path.join(fake.root, deviceDir(fake.root, '0000:03:00.0'), 'driver_override');
    fs.rmSync(attr);
    fs.linkSync(secret, attr);
    expectRefused({ kind: 'set-override', device: 'pci/0000:03:00.0', driver: 'vfio-pci' }, 'EACCES', /one link/);
  });

  it('refuses a device, a driver or a bus that leads outside sysfs', () => {
    fs.mkdirSync(path.join(fake.outside, 'device'));
    fs.writeFileSync(path.join(fake.outside, 'device/driver_override'), '');
    fs.rmSync(path.join(fake.root, 'sys/bus/pci/devices/0000:02:00.0'));
    fs.symlinkSync(path.join(fake.outside, 'device'), path.join(fake.root, 'sys/bus/pci/devices/0000:02:00.0'));
    expectRefused({ kind: 'set-override', device: 'pci/0000:02:00.0', driver: 'vfio-pci' }, 'EACCES', /outside sysfs/);

    fs.mkdirSync(path.join(fake.outside, 'driver'));
    fs.writeFileSync(path.join(fake.outside, 'driver/bind'), '');
    fs.symlinkSync(path.join(fake.outside, 'driver'), path.join(fake.root, 'sys/bus/pci/drivers/evil'));
    expectRefused({ kind: 'bind', device: 'pci/0000:01:00.0', driver: 'evil' }, 'EACCES', /outside sysfs/);

    // A bus whose device links still lead into sysfs, but whose drivers_probe is elsewhere.
    const usbDevice = fs.realpathSync(path.join(fake.root, 'sys/bus/usb/devices/1-1'));
    fs.mkdirSync(path.join(fake.outside, 'bus/devices'), { recursive: true });
    fs.writeFileSync(path.join(fake.outside, 'bus/drivers_probe'), '');
    fs.symlinkSync(usbDevice, path.join(fake.outside, 'bus/devices/1-1'));
    fs.rmSync(path.join(fake.root, 'sys/bus/usb'), { recursive: true });
    fs.symlinkSync(path.join(fake.outside, 'bus'), path.join(fake.root, 'sys/bus/usb'));
    expectRefused({ kind: 'probe', device: 'usb/1-1' }, 'EACCES', /outside sysfs/);
  });

  it('refuses a root whose sys is a link', () => {
    const other = path.join(fake.base, 'other');
    fs.mkdirSync(other);
    fs.symlinkSync(path.join(fake.root, 'sys'), path.join(other, 'sys'));
    const before = snapshot(fake.base);
    expect(attemptOnSysfs(other, { kind: 'probe', device: 'pci/0000:01:00.0' }))
      .toMatchObject({ ok: false, refused: true, errno: 'EACCES', message: expect.stringMatching(/is a link/) });
    expect(changedEntries(before, snapshot(fake.base))).toEqual([]);
  });

  it('refuses a FIFO or a directory in place of an attribute, without hanging', () => {
    const fifo = path.join(fake.root, 'sys/bus/pci/drivers_probe');
    fs.rmSync(fifo);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectRefused({ kind: 'probe', device: 'pci/0000:01:00.0' }, 'EACCES', /not a sysfs attribute/);
    const attr = path.join(fake.root, deviceDir(fake.root, '0000:03:00.0'), 'driver_override');
    fs.rmSync(attr);
    fs.mkdirSync(attr);
    expectRefused({ kind: 'set-override', device: 'pci/0000:03:00.0', driver: 'vfio-pci' }, 'EISDIR', /is a directory/);
  });
});
