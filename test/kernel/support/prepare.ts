// Runs prepare.sh once per test process: the paths of the kernel, the base
// initramfs and QEMU, or why this machine cannot run the real-kernel tests.
import { execFile } from 'node:child_process';
import path from 'node:path';

export interface Prepared {
  readonly kernel: string;
  readonly initrd: string;
  readonly qemu: string;
  readonly qemuData: string;
  readonly qemuModules: string;
  /** The cache folder: bundles and the VMs' working folders go below it. */
  readonly cache: string;
}

export type Preparation = { readonly ok: true; readonly prepared: Prepared } | { readonly ok: false; readonly skip: string };

const SCRIPT = path.resolve(__dirname, '..', 'prepare.sh');
/** Cold, it downloads about 290 MB and builds modules: minutes on a slow link. */
const TIMEOUT_MS = 15 * 60_000;

let preparing: Promise<Preparation> | null = null;

function run(): Promise<Preparation> {
  return new Promise((resolve, reject) => {
    execFile('bash', [SCRIPT, process.execPath], { timeout: TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const skip = /^SKIP: (.*)$/m.exec(stderr)?.[1];
      if (error && error.code === 77 && skip !== undefined) return resolve({ ok: false, skip });
      if (error) return reject(new Error(`prepare.sh failed: ${stderr.trim() || error.message}`));
      const values = new Map(stdout.split('\n').flatMap((line) => {
        const at = line.indexOf('=');
        return at > 0 ? [[line.slice(0, at), line.slice(at + 1)] as const] : [];
      }));
      const value = (key: string): string => {
        const found = values.get(key);
        if (found === undefined) throw new Error(`prepare.sh printed no ${key}`);
        return found;
      };
      resolve({
        ok: true,
        prepared: {
          kernel: value('KERNEL'), initrd: value('INITRD'), qemu: value('QEMU'), qemuData: value('QEMU_DATA'),
          qemuModules: value('QEMU_MODULES'), cache: value('CACHE'),
        },
      });
    });
  });
}

/** Prepared once per process; a second test file in the same process reuses it. */
export function prepare(): Promise<Preparation> {
  preparing ??= run();
  return preparing;
}
