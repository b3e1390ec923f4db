// The one test command (README, .ci/run): build what the end-to-end tests
// drive, then run every suite (lint and type checks are tests too). The
// real-kernel tests (test/kernel) boot QEMU guests and run after the rest, so
// the guests and Chromium never fight over the two cores. Always ends with the
// line `N passed, N failed, N skipped` for the whole run. Arguments go to one
// vitest run as they are (`npm test -- test/unit/src-main/engine/alias`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('\nThe build failed, so no tests ran.');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const vitest = (args, env = process.env) =>
  spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], { stdio: 'inherit', env }).status ?? 1;

const given = process.argv.slice(2);
if (given.length > 0) process.exit(vitest(given));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-test-'));
const phases = [
  { title: 'Unit, integration and end-to-end tests', args: ['--exclude', 'test/kernel/**'] },
  { title: 'Real-kernel tests (QEMU)', args: ['test/kernel'] },
];
const total = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const [index, phase] of phases.entries()) {
  console.log(`\n== ${phase.title}\n`);
  const summary = path.join(dir, `summary-${index}.json`);
  const code = vitest(phase.args, { ...process.env, BINDERY_SUMMARY_FILE: summary });
  // A phase that died before its reporter wrote counts is one failure, not zero.
  const counts = fs.existsSync(summary) ? JSON.parse(fs.readFileSync(summary, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
  for (const key of Object.keys(total)) total[key] += counts[key];
  if (code !== 0) status = code;
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(status !== 0 || total.failed > 0 ? 1 : 0);
