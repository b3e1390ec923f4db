// Builds a TypeScript entry into one CommonJS file for tests that run it as
// its own process, as scripts/build.mjs builds the real helper.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bundles `entry` into a new world-readable directory; returns the file and a way to remove it. */
export async function bundle(entry: string): Promise<{ readonly file: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-bundle-'));
  // Readable by the unprivileged user some tests run it as.
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, `${path.basename(entry, '.ts')}.cjs`);
  await build({ entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
