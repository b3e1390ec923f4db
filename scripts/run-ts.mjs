// Runs a TypeScript script of the repository (fixture generators, tools) with
// the esbuild the project already has: `node scripts/run-ts.mjs FILE.ts [ARGS...]`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
// Inside the repository, so code that looks for data/ from its own location finds it.
const cache = path.resolve('node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(path.join(cache, 'bindery-run-'));
const outfile = path.join(dir, `${path.basename(entry, '.ts')}.cjs`);
try {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  // The script sees its own path as argv[1], as if run directly.
  // `node -e` leaves no script path in argv: put the entry there, before the script's own arguments.
  const boot = `process.argv.splice(1, 0, ${JSON.stringify(path.resolve(entry))});require(${JSON.stringify(outfile)})`;
  const run = spawnSync(process.execPath, ['-e', boot, '--', ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
