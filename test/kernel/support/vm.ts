// One boot of the test VM for one job: the guest program bundled with
// esbuild, the job appended to the base initramfs as a second cpio, QEMU run
// to power-off, and the reports the guest printed on ttyS1.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { cpioArchive } from './cpio';
import type { Job, Report } from './job';
import type { Prepared } from './prepare';
import { runQemu } from './qemu';
import { withSlot } from './slots';

const GUEST_ENTRY = path.resolve(__dirname, '..', 'guest', 'main.ts');

let bundling: Promise<Buffer> | null = null;

/** The guest program as one CommonJS file for the node in the initramfs; once per process. */
function guestBundle(cache: string): Promise<Buffer> {
  bundling ??= (async () => {
    const dir = fs.mkdtempSync(path.join(cache, 'bundle-'));
    try {
      const outfile = path.join(dir, 'guest.cjs');
      await build({ entryPoints: [GUEST_ENTRY], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
      return fs.readFileSync(outfile);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  })();
  return bundling;
}

export interface VmRun {
  readonly reports: readonly Report[];
  /** This boot's folder: console.log and reports.jsonl stay there for a look after a failure. */
  readonly dir: string;
}

export interface JobOptions {
  /** Extra files for the job folder (/job/NAME in the guest). */
  readonly files?: ReadonlyMap<string, Buffer>;
  readonly cpus?: number;
  readonly timeoutMs?: number;
}

function parseReports(text: string): Report[] {
  return text.split(/\r?\n/).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Report);
}

export async function runJob(prepared: Prepared, name: string, job: Job, options: JobOptions = {}): Promise<VmRun> {
  fs.mkdirSync(path.join(prepared.cache, 'runs'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(prepared.cache, 'runs', `${name}-`));
  const files = new Map<string, Buffer>([
    ['job/job.json', Buffer.from(JSON.stringify(job))],
    ['job/guest.cjs', await guestBundle(prepared.cache)],
    ...[...(options.files ?? new Map<string, Buffer>())].map(([file, data]) => [`job/${file}`, data] as const),
  ]);
  await withSlot(prepared.cache, async () => {
    const initrd = path.join(dir, 'initrd');
    fs.copyFileSync(prepared.initrd, initrd);
    fs.appendFileSync(initrd, cpioArchive(['job'], files));
    try {
      await runQemu(prepared, { initrd, dir, cpus: options.cpus ?? 1, timeoutMs: options.timeoutMs ?? 240_000 });
    } finally {
      // The big files go; the logs stay for a look.
      fs.rmSync(initrd, { force: true });
      fs.rmSync(path.join(dir, 'nvm0.img'), { force: true });
    }
  });
  return { reports: parseReports(fs.readFileSync(path.join(dir, 'reports.jsonl'), 'utf8')), dir };
}
