// Fake roots for the privileged code: a copy of the workstation fixture (real
// files and relative links, test/fixtures/README.md) in a temporary directory,
// beside an `outside` directory that tampered trees point into, and ways to
// see exactly what changed: a snapshot of every entry (content, mode, mtime,
// link target) and a recorder of every write(2) with the file it went to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { SysfsAttempt } from '../../../../../../src-main/engine/ops/attempt';
import { AUDIT_LOG } from '../../../../../../src-main/engine/ops/privileged/audit';
import type { PrivilegedContext } from '../../../../../../src-main/engine/ops/privileged/context';
import { toolsFor } from '../../../../../../src-main/engine/ops/perform-on-sysfs';
import type { SysfsTools } from '../../../../../../src-main/engine/ops/perform-on-sysfs';

export const WORKSTATION = path.resolve('test/fixtures/sysfs/workstation');

export interface FakeRoot {
  /** Holds `root/` and `outside/`. */
  readonly base: string;
  /** The directory that contains `sys/`. */
  readonly root: string;
  /** Where tampered links lead. */
  readonly outside: string;
  remove(): void;
}

/** A memory-backed directory when there is one: copying and snapshotting trees there is several times faster. */
function scratch(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export function makeFakeRoot(): FakeRoot {
  const base = fs.mkdtempSync(path.join(scratch(), 'bindery-root-'));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  fs.cpSync(WORKSTATION, root, { recursive: true, verbatimSymlinks: true });
  fs.mkdirSync(outside);
  return { base, root, outside, remove: () => fs.rmSync(base, { recursive: true, force: true }) };
}

/** The device directory a bus link leads to, relative to the root: `sys/devices/.../0000:01:00.0`. */
export function deviceDir(root: string, address: string): string {
  return path.relative(root, fs.realpathSync(path.join(root, 'sys/bus/pci/devices', address)));
}

export type TreeSnapshot = ReadonlyMap<string, string>;

/** Every entry under `dir`, links not followed. */
export function snapshot(dir: string): TreeSnapshot {
  const entries = new Map<string, string>();
  const walk = (rel: string): void => {
    const full = path.join(dir, rel);
    const stat = fs.lstatSync(full);
    if (stat.isSymbolicLink()) entries.set(rel, `link ${fs.readlinkSync(full)}`);
    else if (stat.isFile()) entries.set(rel, `file ${stat.mode} ${stat.mtimeMs} ${fs.readFileSync(full, 'base64')}`);
    else if (stat.isDirectory()) {
      entries.set(rel, `dir ${stat.mode}`);
      for (const name of fs.readdirSync(full)) walk(path.join(rel, name));
    } else entries.set(rel, `other ${stat.mode} ${stat.mtimeMs}`);
  };
  walk('.');
  return entries;
}

/** The entries added, removed or changed between two snapshots, sorted. */
export function changedEntries(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

export interface WriteRecord {
  readonly file: string;
  readonly data: string;
}

/** Records every fs.writeSync (the file it went to and the bytes) until `stop()`. */
export function recordWrites(): { readonly writes: WriteRecord[]; stop(): void } {
  const writes: WriteRecord[] = [];
  const original = fs.writeSync;
  const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: never[]) => {
    const file = fs.readlinkSync(`/proc/self/fd/${fd}`);
    const bytes = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
    writes.push({ file, data: bytes });
    return (original as (...args: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync);
  return { writes, stop: () => spy.mockRestore() };
}

/** A stand-in for modprobe: records the module and registers `registers` (module → PCI driver) like a real load. */
export function fakeModprobe(root: string, calls: string[], registers: Readonly<Record<string, string>> = {}): SysfsTools {
  return {
    modprobe: (module: string): SysfsAttempt => {
      calls.push(module);
      const driver = registers[module];
      if (driver === undefined) return { ok: false, refused: false, errno: 'ENOENT', message: `modprobe ${module}: Module ${module} not found` };
      const dir = path.join(root, 'sys/bus/pci/drivers', driver);
      fs.mkdirSync(dir, { recursive: true });
      for (const file of ['bind', 'unbind', 'uevent']) fs.writeFileSync(path.join(dir, file), '');
      return { ok: true };
    },
  };
}

/** The context tests run privileged code with: a fake root, a named requester, audit lines to the root's log. */
export function testContext(root: string, tools: SysfsTools = toolsFor(root), logger: string | null = null): PrivilegedContext {
  return { root, who: 'uid 1000 via pkexec', tools, logger };
}

export function auditLines(root: string): unknown[] {
  const file = path.join(root, AUDIT_LOG);
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
}
