// `npm start`: run the built app in Electron. The `electron` package fetches
// its binary on first use; where that cannot work, say what to do instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch (error) {
  console.error(`\nBindery: Electron could not be started: ${error instanceof Error ? error.message : error}`);
  console.error('Without Electron, run `npm run web` and open the address it prints in your browser.');
  console.error('If you have Electron elsewhere, set ELECTRON_OVERRIDE_DIST_PATH to its folder.');
  process.exit(1);
}
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
