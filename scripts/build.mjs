// Builds every runtime bundle: the renderer with Vite; main, preload, the CLI,
// the bridge with esbuild, as CommonJS for Node and Electron.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const NODE_ENTRIES = [
  { in: 'src-main/app/main.ts', out: 'dist/main/main.cjs' },
  { in: 'src-main/app/preload.ts', out: 'dist/main/preload.cjs' },
  { in: 'src-main/cli/main.ts', out: 'dist/cli/cli.cjs' },
  { in: 'src-main/bridge/main.ts', out: 'dist/bridge/bridge.cjs' },
  { in: 'src-main/bench/main.ts', out: 'dist/bench/bench.cjs' },
];

const quiet = process.argv.includes('--quiet');
const started = Date.now();
await Promise.all(
  NODE_ENTRIES.map((entry) =>
    esbuild({
      entryPoints: [entry.in],
      outfile: entry.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      external: ['electron'],
      logLevel: 'warning',
    }),
  ),
);
await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });
if (!quiet) console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
