// THE fuzz test of the privileged helper: many thousands of malformed and
// hostile requests (seeded, so every run is the same) against a fake root that
// records writes, with symlink tricks planted in the tree. Every one must be
// refused with an error that says why, reach neither modprobe nor any sysfs
// file, and leave every file of the tree and of the directory beside it as it
// was (content, mode, mtime), apart from the lock and the audit log.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrivilegedContext } from '../../../../src-main/engine/ops/privileged/context';
import { runHelper } from '../../../../src-main/helper/run-helper';
import { changedEntries, deviceDir, makeFakeRoot, snapshot, testContext } from '../engine/ops/support/fake-root';
import type { FakeRoot, TreeSnapshot } from '../engine/ops/support/fake-root';
import {
  HOSTILE_STRINGS, TEMPLATES, UNKNOWN_KINDS, UNKNOWN_VERBS, VALID_IDS, WRONG_TYPES, randomHostile, randomSource, withExtraKey, withValue,
} from './support/hostile';

interface Case {
  readonly what: string;
  readonly args: readonly string[];
  readonly input: Uint8Array;
  /** Which root it runs on: the tampered tree, or a root whose `sys` is a link to it. */
  readonly linkedRoot?: boolean;
  readonly exitCode: 1 | 2;
  /** Text the error's detail must contain. */
  readonly mentions?: string;
}

const SEED = 0x5eed;
const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const json = (value: unknown): Uint8Array => bytes(JSON.stringify(value));

let fake: FakeRoot;
let linkedRoot: string;
const modprobeCalls: string[] = [];

/** Tampers with the tree the way an attacker with a foothold (or a bug) might. */
function plant(): void {
  const { root, outside } = fake;
  const put = (file: string, content = ''): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  put(path.join(outside, 'secret'), 'keep me\n');
  // An attribute replaced by a link to a file outside.
  const override = (address: string): string => path.join(root, deviceDir(root, address), 'driver_override');
  fs.rmSync(override('0000:03:00.0'));
  fs.symlinkSync(path.join(outside, 'secret'), override('0000:03:00.0'));
  // An attribute hard-linked to a file outside.
  put(path.join(outside, 'hardlinked'), 'keep me too\n');
  fs.rmSync(override('0000:00:03.0'));
  fs.linkSync(path.join(outside, 'hardlinked'), override('0000:00:03.0'));
  // A FIFO and a directory in place of attributes.
  fs.rmSync(override('0000:00:14.0'));
  expect(spawnSync('mkfifo', [override('0000:00:14.0')]).status).toBe(0);
  fs.rmSync(override('0000:04:00.2'));
  fs.mkdirSync(override('0000:04:00.2'));
  // A link inside sysfs in place of a driver's unbind.
  fs.rmSync(path.join(root, 'sys/bus/pci/drivers/igb/unbind'));
  fs.symlinkSync('../nouveau/unbind', path.join(root, 'sys/bus/pci/drivers/igb/unbind'));
  // A device directory, a driver and a whole bus that lead outside.
  put(path.join(outside, 'device/driver_override'));
  for (const [file, content] of Object.entries({ vendor: '0x144d\n', device: '0xa808\n', subsystem_vendor: '0x144d\n', subsystem_device: '0xa801\n' })) {
    put(path.join(outside, 'device', file), content);
  }
  fs.rmSync(path.join(root, 'sys/bus/pci/devices/0000:02:00.0'));
  fs.symlinkSync(path.join(outside, 'device'), path.join(root, 'sys/bus/pci/devices/0000:02:00.0'));
  put(path.join(outside, 'driver/bind'));
  put(path.join(outside, 'driver/unbind'));
  fs.symlinkSync(path.join(outside, 'driver'), path.join(root, 'sys/bus/pci/drivers/evil'));
  put(path.join(outside, 'bus/drivers_probe'));
  fs.mkdirSync(path.join(outside, 'bus/devices'));
  fs.symlinkSync(fs.realpathSync(path.join(root, 'sys/bus/usb/devices/1-1')), path.join(outside, 'bus/devices/x'));
  fs.symlinkSync(path.join(outside, 'bus'), path.join(root, 'sys/bus/evilbus'));
  // A device whose vendor ID is a link to an endless file.
  const audioVendor = path.join(root, deviceDir(root, '0000:01:00.1'), 'vendor');
  fs.rmSync(audioVendor);
  fs.symlinkSync('/dev/zero', audioVendor);
  // A root whose sys is a link to the tampered tree.
  linkedRoot = path.join(fake.base, 'linked-root');
  fs.mkdirSync(linkedRoot);
  fs.symlinkSync(path.join(root, 'sys'), path.join(linkedRoot, 'sys'));
}

/** Requests that pass the schema and must be refused by the tree checks. */
function treeRefusals(): Case[] {
  const op = (operation: unknown, mentions: string, linked = false): Case => ({
    what: `tree: ${JSON.stringify(operation)}${linked ? ' on a linked root' : ''}`,
    args: ['apply'], input: json({ operations: [operation, { kind: 'probe', device: 'pci/0000:01:00.0' }] }),
    linkedRoot: linked, exitCode: 1, mentions,
  });
  const persist = (body: unknown, mentions: string, linked = false): Case => ({
    what: `tree: persist ${JSON.stringify(body)}`, args: ['persist'], input: json(body), linkedRoot: linked, exitCode: 1, mentions,
  });
  const cases: Case[] = [];
  for (const device of ['pci/0000:99:00.0', 'pci/ffff:ff:1f.7', 'usb/9-9', 'nosuchbus/dev', 'platform/nosuch', 'pci/0000:01:00.0.bak', 'mdev/0000']) {
    cases.push(op({ kind: 'probe', device }, `There is no device ${device}.`));
    cases.push(op({ kind: 'set-override', device, driver: 'vfio-pci' }, `There is no device ${device}.`));
  }
  for (const driver of ['nosuch', 'vfio_pci', 'vfio-pci2', 'VFIO-PCI', 'usbhid', 'pci-stub.old', 'none']) {
    cases.push(op({ kind: 'bind', device: 'pci/0000:01:00.0', driver }, `There is no driver ${driver} on the pci bus.`));
    cases.push(op({ kind: 'set-override', device: 'pci/0000:01:00.0', driver }, `There is no driver ${driver} on the pci bus.`));
    cases.push(persist({ device: '0000:01:00.0', driver, ids: VALID_IDS }, `There is no driver ${driver} on the PCI bus.`));
  }
  cases.push(
    op({ kind: 'set-override', device: 'pci/0000:03:00.0', driver: 'vfio-pci' }, 'is a symbolic link'),
    op({ kind: 'set-override', device: 'pci/0000:00:03.0', driver: 'vfio-pci' }, 'a regular file with one link'),
    op({ kind: 'set-override', device: 'pci/0000:00:14.0', driver: 'vfio-pci' }, 'is not a sysfs attribute'),
    op({ kind: 'set-override', device: 'pci/0000:04:00.2', driver: null }, 'is a directory'),
    op({ kind: 'unbind', device: 'pci/0000:03:00.0', driver: 'igb' }, 'is a symbolic link'),
    op({ kind: 'set-override', device: 'pci/0000:02:00.0', driver: 'vfio-pci' }, 'outside sysfs'),
    op({ kind: 'probe', device: 'pci/0000:02:00.0' }, 'outside sysfs'),
    op({ kind: 'bind', device: 'pci/0000:01:00.0', driver: 'evil' }, 'outside sysfs'),
    op({ kind: 'unbind', device: 'pci/0000:01:00.0', driver: 'evil' }, 'outside sysfs'),
    op({ kind: 'probe', device: 'evilbus/x' }, 'outside sysfs'),
    op({ kind: 'set-override', device: 'usb/1-1', driver: 'usbhid' }, 'driver_override does not exist'),
    op({ kind: 'probe', device: 'pci/0000:01:00.0' }, 'is missing or is a link', true),
    op({ kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'vfio-pci' }, 'is missing or is a link', true),
    persist({ device: '0000:01:00.0', driver: 'vfio-pci', ids: { ...VALID_IDS, device: '0x1f07' } }, 'The card at 0000:01:00.0 is 0x10de:0x1f08'),
    persist({ device: '0000:01:00.0', driver: 'vfio-pci', ids: { ...VALID_IDS, subsystemVendor: '0x1043' } }, 'not 0x10de:0x1f08 (subsystem 0x1043:0x3754)'),
    persist({ device: '0000:09:00.0', driver: 'vfio-pci', ids: VALID_IDS }, 'There is no PCI device 0000:09:00.0.'),
    persist({ device: '0000:01:00.1', driver: 'snd_hda_intel', ids: VALID_IDS }, 'is a symbolic link'),
    persist({ device: '0000:02:00.0', driver: 'nvme', ids: VALID_IDS }, 'outside sysfs'),
    persist({ device: '0000:01:00.0', driver: 'vfio-pci', ids: VALID_IDS }, 'is missing or is a link', true),
  );
  return cases;
}

/** Every kind of malformed request, `count` of them from the seeded source. */
function malformed(count: number): Case[] {
  const random = randomSource(SEED);
  const bad = (what: string, args: readonly string[], input: Uint8Array, mentions?: string): Case => ({ what, args, input, exitCode: 2, mentions });
  const template = () => random.pick(TEMPLATES);
  const hostileString = (): string => (random.next() < 0.5 ? random.pick(HOSTILE_STRINGS) : randomHostile(random));
  const hex = (digits: number): string => Array.from({ length: digits }, () => random.int(16).toString(16)).join('');
  // One field of a valid request replaced by a hostile string or a wrong type: named in the error.
  const field = (): Case => {
    const t = template();
    const name = random.pick(t.fields);
    const value = random.next() < 0.7 ? hostileString() : random.pick(WRONG_TYPES);
    return bad(`field ${t.verb} ${name} = ${JSON.stringify(value)}`, [t.verb], json(withValue(t.body, name, value)), `${name}: `);
  };
  // Well-formed names of devices and drivers that do not exist (domain 0001 and up; no driver starts with zz).
  const absent = (): Case => {
    const device = `pci/${(1 + random.int(0xfffe)).toString(16).padStart(4, '0')}:${hex(2)}:${hex(2)}.${random.int(8)}`;
    const driver = `zz${hex(1 + random.int(12))}`;
    const [operation, mentions] = random.pick<[unknown, string]>([
      [{ kind: 'probe', device }, `There is no device ${device}.`],
      [{ kind: 'set-override', device: 'pci/0000:01:00.0', driver }, `There is no driver ${driver} on the pci bus.`],
      [{ kind: 'bind', device: 'pci/0000:01:00.0', driver }, `There is no driver ${driver} on the pci bus.`],
      [{ kind: 'unbind', device, driver: 'nouveau' }, `There is no device ${device}.`],
    ]);
    return { what: `absent ${JSON.stringify(operation)}`, args: ['apply'], input: json({ operations: [operation] }), exitCode: 1, mentions };
  };
  const generators: (() => Case)[] = [
    field, field, field, field, field, field,
    absent, absent,
    () => {
      const t = template();
      const field = random.pick(t.fields.filter((f) => !t.optional?.includes(f)));
      if (field === undefined) return bad('restore with a wrong-typed device', ['restore'], json({ device: random.pick(WRONG_TYPES) }), 'device: ');
      return bad(`missing ${t.verb} ${field}`, [t.verb], json(withValue(t.body, field, undefined)), `${field}: `);
    },
    // Keys that are not in the schema, at any level.
    () => {
      const t = template();
      const key = random.pick(['path', 'root', 'file', '__proto__', 'constructor', 'prototype', 'data', 'argv', 'shell', 'env', 'DEVICE', 'device ']);
      const where = random.pick(['', ...new Set(t.fields.map((f) => f.split('.').slice(0, -1).join('.')))]);
      return bad(`extra key ${key} at ${where || 'the top'}`, [t.verb], json(withExtraKey(t.body, where, key, '/etc/shadow')), 'Unrecognized key');
    },
    // Duplicate keys, which JSON.parse would quietly take the last of.
    () => {
      const t = template();
      const text = JSON.stringify(t.body);
      const key = Object.keys(t.body as object)[0] ?? 'device';
      return bad(`duplicate ${key}`, [t.verb], bytes(`{${JSON.stringify(key)}:${JSON.stringify(hostileString())},${text.slice(1)}`), 'Duplicate key');
    },
    () => bad('duplicate kind', ['apply'], bytes('{"operations":[{"kind":"probe","kind":"bind","device":"pci/0000:01:00.0","driver":"nouveau"}]}'), 'Duplicate key "kind"'),
    // Unknown verbs and wrong argument counts.
    () => bad('unknown verb', [random.pick(UNKNOWN_VERBS)], json(template().body), 'Unknown verb'),
    () => {
      const t = template();
      const extra = random.pick([[], [t.verb, t.verb], [t.verb, '--'], [t.verb, '/tmp/root'], [t.verb, hostileString()]]);
      return bad('argument count', extra, json(t.body), 'exactly one argument');
    },
    // Unknown kinds and operation lists that are empty, too long or not lists.
    () => bad('unknown kind', ['apply'], json({ operations: [{ kind: random.pick(UNKNOWN_KINDS), device: 'pci/0000:01:00.0' }] }), 'operations.0.kind: '),
    () => {
      const length = random.pick([0, 33, 40, 1000]);
      return bad(`list of ${length} operations`, ['apply'], json({ operations: Array.from({ length }, () => ({ kind: 'probe', device: 'pci/0000:01:00.0' })) }), 'operations: ');
    },
    () => bad('operations of another type', ['apply'], json({ operations: random.pick([...WRONG_TYPES, 'pci/0000:01:00.0', null]) }), 'operations'),
    // A hostile operation after a valid one: the valid one must not run either.
    () => {
      const value = hostileString();
      return bad('valid then hostile', ['apply'], json({ operations: [{ kind: 'probe', device: 'pci/0000:01:00.0' }, { kind: 'unbind', device: 'pci/0000:01:00.0', driver: value }] }), 'operations.1.driver: ');
    },
    // Not an object at all.
    () => bad('top-level type', [template().verb], json(random.pick([[], 'apply', 0, true, null, [{ kind: 'probe' }]])), 'the request: '),
    // Bytes that are not a request: random, truncated, not UTF-8, NUL and control bytes, a BOM.
    () => bad('random bytes', ['apply'], Uint8Array.from({ length: random.int(200) }, () => random.int(256))),
    () => {
      const text = JSON.stringify(template().body);
      return bad('truncated', ['apply'], bytes(text.slice(0, random.int(text.length))), 'not valid JSON');
    },
    () => {
      const text = Buffer.from(JSON.stringify(TEMPLATES[0]?.body));
      const at = random.int(text.length);
      return bad('invalid UTF-8', ['apply'], Buffer.concat([text.subarray(0, at), Buffer.from([random.pick([0xff, 0xc0, 0xed, 0x80, 0xf8])]), text.subarray(at)]), 'not UTF-8');
    },
    () => {
      const text = JSON.stringify(TEMPLATES[4]?.body);
      const at = text.indexOf('0000:01');
      const raw = random.pick(['\n', '\u0000', '\r', '\t', '\u001b']);
      return bad('raw control character in a string', ['apply'], bytes(text.slice(0, at) + raw + text.slice(at)), 'Control character inside a string');
    },
    () => bad('byte order mark', ['apply'], bytes(`\ufeff${JSON.stringify(TEMPLATES[4]?.body)}`), 'not valid JSON'),
    // Huge and deep.
    () => bad('huge', ['apply'], bytes(`{"operations":[{"kind":"probe","device":"pci/${'0'.repeat(64 * 1024 + random.int(100_000))}"}]}`), 'larger than 64 KiB'),
    () => {
      const depth = 9 + random.int(20_000);
      return bad(`nested ${depth} deep`, ['apply'], bytes(`${'['.repeat(depth)}${']'.repeat(depth)}`), 'Nested deeper than 8 levels');
    },
    () => bad('nested in a field', ['apply'], bytes(`{"operations":[{"kind":"probe","device":${'['.repeat(10)}${']'.repeat(10)}}]}`), 'Nested deeper'),
  ];
  return Array.from({ length: count }, () => random.pick(generators)());
}

/** Records every call that could change a file, with the path it names, into `paths` (emptied by the caller). */
function watchWrites(): { readonly paths: string[]; stop(): void } {
  const paths: string[] = [];
  const spies: { mockRestore(): void }[] = (['openSync', 'writeFileSync', 'appendFileSync', 'renameSync', 'rmSync', 'unlinkSync', 'mkdirSync', 'symlinkSync', 'linkSync',
    'truncateSync', 'chmodSync', 'copyFileSync', 'cpSync', 'rmdirSync'] as const).map((name) => {
    const original = fs[name] as (...args: unknown[]) => unknown;
    return vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
      const flags = args[1];
      const writes = name !== 'openSync' || (typeof flags === 'number' ? (flags & 3) !== fs.constants.O_RDONLY : typeof flags === 'string' && flags !== 'r');
      if (writes) paths.push(String(args[0]));
      return original(...args);
    }) as never);
  });
  const writeSync = fs.writeSync;
  spies.push(vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
    paths.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    return (writeSync as (...args: unknown[]) => number)(fd, ...rest);
  }) as never));
  return { paths, stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

describe('the helper under hostile requests', () => {
  let before: TreeSnapshot;
  let context: PrivilegedContext;
  let linkedContext: PrivilegedContext;
  beforeAll(() => {
    fake = makeFakeRoot();
    plant();
    const tools = { modprobe: (module: string) => {
      modprobeCalls.push(module);
      return { ok: false, refused: false, errno: 'EIO', message: 'the fuzz test never loads modules' } as const;
    } };
    context = testContext(fake.root, tools);
    linkedContext = testContext(linkedRoot, tools);
    before = snapshot(fake.base);
  });
  afterAll(() => fake.remove());

  const cases = [...treeRefusals(), ...malformed(12_000)];

  it(`refuses all ${cases.length} with an error that says why, and writes nothing`, () => {
    // The lock and the audit log (with the directories made for them) are all a refused request may touch.
    const allowed = [fake.root, linkedRoot].flatMap((root) => [path.join(root, 'run/bindery'), path.join(root, 'var/log/bindery')]);
    const isAllowed = (file: string): boolean => allowed.some((dir) => file === dir || file.startsWith(`${dir}/`));
    const failures: string[] = [];
    const started = Date.now();
    const writes = watchWrites();
    try {
      for (const c of cases) {
        writes.paths.length = 0;
        const { answer, exitCode } = runHelper(c.args, c.input, c.linkedRoot ? linkedContext : context);
        const detail = answer.error?.detail ?? '';
        const problems = [
          exitCode !== c.exitCode && `exit ${exitCode}, not ${c.exitCode}`,
          answer.status === 'done' && 'done',
          (answer.error === null || answer.error.title === '' || !detail.includes('Nothing was changed.')) && `unclear error ${JSON.stringify(answer.error)}`,
          c.mentions !== undefined && !detail.includes(c.mentions) && `detail ${JSON.stringify(detail)} does not mention ${JSON.stringify(c.mentions)}`,
          answer.results.some((r) => r.result.ok) && 'an operation succeeded',
          writes.paths.some((p) => !isAllowed(p)) && `wrote ${writes.paths.filter((p) => !isAllowed(p)).join(', ')}`,
        ].filter((p): p is string => typeof p === 'string');
        if (problems.length > 0) failures.push(`${c.what}: ${problems.join('; ')}`);
      }
    } finally {
      writes.stop();
    }
    const elapsed = Date.now() - started;
    expect(failures.slice(0, 10)).toEqual([]);
    expect(modprobeCalls).toEqual([]);
    // Nothing in the tree or beside it changed but the lock directory and the audit log.
    const changed = changedEntries(before, snapshot(fake.base)).filter((entry) => !/^(root|linked-root)\/(run|var)(\/|$)/.test(entry));
    expect(changed).toEqual([]);
    expect(fs.readdirSync(path.join(fake.root, 'run/bindery'))).toEqual([]);
    const kinds = new Map<string, number>();
    for (const c of cases) kinds.set(c.what.split(/[: ]/)[0] ?? '', (kinds.get(c.what.split(/[: ]/)[0] ?? '') ?? 0) + 1);
    console.log(`fuzz: ${cases.length} hostile requests refused in ${elapsed} ms: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });
});
