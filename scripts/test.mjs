// The one test command (README, .ci/run): build what the end-to-end tests
// drive, then run every suite (lint and type checks are tests too). Always ends
// with the line `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('\nThe build failed, so no tests ran.');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(vitest.status ?? 1);
