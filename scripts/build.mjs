// Builds every runtime bundle: the renderer with Vite; main, preload, the CLI,
// the bridge and the privileged helper with esbuild, as CommonJS for Node and
// Electron.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const NODE_ENTRIES = [
  { in: 'src-main/app/main.ts', out: 'dist/main/main.cjs' },
  { in: 'src-main/app/preload.ts', out: 'dist/main/preload.cjs' },
  { in: 'src-main/cli/main.ts', out: 'dist/cli/cli.cjs' },
  { in: 'src-main/bridge/main.ts', out: 'dist/bridge/bridge.cjs' },
  { in: 'src-main/bench/main.ts', out: 'dist/bench/bench.cjs' },
  // Installed by the packages as /usr/libexec/bindery/bindery-helper and run by
  // the system's node (never Electron), which on Debian 12 is Node 18.
  { in: 'src-main/helper/main.ts', out: 'dist/helper/bindery-helper.cjs', target: 'node18', banner: '#!/usr/bin/node' },
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
      target: entry.target ?? 'node20',
      banner: entry.banner ? { js: entry.banner } : undefined,
      sourcemap: true,
      external: ['electron'],
      logLevel: 'warning',
    }),
  ),
);
await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });
if (!quiet) console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
