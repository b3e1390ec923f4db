// The helper as its own process: exit codes as the caller sees them, the lock
// that keeps two helpers from ever interleaving (a second one waits), and the
// installed entry refusing to run as anyone but root. The fake-root entry is
// the installed helper's code with a fake root and a slow, tracing modprobe.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../../src-main/engine/ops/privileged/perform-verb';
import { makeFakeRoot } from '../engine/ops/support/fake-root';
import type { FakeRoot } from '../engine/ops/support/fake-root';
import { bundle } from './support/bundle';

interface Exit {
  readonly code: number | null;
  readonly answer: { readonly status: string; readonly error: { readonly detail: string } | null };
}

let entry: Awaited<ReturnType<typeof bundle>>;
let fake: FakeRoot;
beforeAll(async () => {
  entry = await bundle('test/unit/src-main/helper/support/fake-root-helper.ts');
  fake = makeFakeRoot();
});
afterAll(() => {
  entry.remove();
  fake.remove();
});

function helper(verb: string, request: unknown, file = entry.file, args = [fake.root, verb], uid?: number): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['pipe', 'pipe', 'inherit'], ...(uid === undefined ? {} : { uid, gid: uid }) });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => resolve({ code, answer: JSON.parse(stdout) as Exit['answer'] }));
    child.stdin.end(JSON.stringify(request));
  });
}

const loads = (...modules: string[]) => ({ operations: modules.map((module) => ({ kind: 'load-module', module })) });

describe('the helper process', () => {
  it('exits 0 done, 1 refused, 2 bad request, 3 failed', async () => {
    const runs = await Promise.all([
      helper('apply', { operations: [{ kind: 'probe', device: 'pci/0000:03:00.0' }] }),
      helper('apply', { operations: [{ kind: 'probe', device: 'pci/0000:09:00.0' }] }),
      helper('apply', { operations: [{ kind: 'probe', device: 'pci/../../etc' }] }),
      helper('apply', loads('broken_module')),
    ]);
    expect(runs.map((r) => [r.code, r.answer.status])).toEqual([[0, 'done'], [1, 'refused'], [2, 'bad-request'], [3, 'failed']]);
  });

  it('never interleaves two helpers: each one’s steps run together', async () => {
    fs.rmSync(path.join(fake.root, 'trace'), { force: true });
    const runs = await Promise.all([helper('apply', loads('a1', 'a2', 'a3')), helper('apply', loads('b1', 'b2', 'b3')), helper('apply', loads('c1', 'c2', 'c3'))]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const pids = fs.readFileSync(path.join(fake.root, 'trace'), 'utf8').trim().split('\n').map((line) => line.split(' ')[0]);
    expect(pids).toHaveLength(18);
    // Runs of the same pid: exactly one run of six lines per helper.
    const blocks = pids.filter((pid, i) => i === 0 || pids[i - 1] !== pid);
    expect(blocks).toHaveLength(3);
    expect(new Set(blocks).size).toBe(3);
  });

  it('waits while another live process holds the lock, then goes on', async () => {
    const lock = path.join(fake.root, LOCK_FILE);
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, `${process.pid}\n`);
    fs.writeFileSync(path.join(fake.root, 'sys/bus/pci/drivers_probe'), '');
    let finished = false;
    const run = helper('apply', { operations: [{ kind: 'probe', device: 'pci/0000:03:00.0' }] }).then((exit) => {
      finished = true;
      return exit;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(finished).toBe(false);
    expect(fs.readFileSync(path.join(fake.root, 'sys/bus/pci/drivers_probe'), 'utf8')).toBe('');
    fs.rmSync(lock);
    expect((await run).code).toBe(0);
    expect(fs.readFileSync(path.join(fake.root, 'sys/bus/pci/drivers_probe'), 'utf8')).toBe('0000:03:00.0\n');
  });

  it('the installed entry refuses to run as anyone but root', async () => {
    const main = await bundle('src-main/helper/main.ts');
    try {
      // As root, drop to nobody first: the real entry must never run as root here (it acts on /).
      const uid = process.getuid?.() === 0 ? 65534 : undefined;
      const exit = await helper('apply', { operations: [{ kind: 'probe', device: 'pci/0000:03:00.0' }] }, main.file, ['apply'], uid);
      expect(exit.code).toBe(1);
      expect(exit.answer.error?.detail).toMatch(/started as another user. Nothing was changed./);
    } finally {
      main.remove();
    }
  });
});
