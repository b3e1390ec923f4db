// The real thing, end to end: the bridge started from the built bundle (the
// engine reading a real sysfs tree) and Debian's Chromium showing the real UI.
// Shared by the end-to-end tests and tools/screenshot.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BRIDGE = path.join(REPO, 'dist', 'bridge', 'bridge.cjs');
export const FIXTURE_TREE = path.join(REPO, 'test', 'fixtures', 'sysfs', 'workstation');
export const FIXTURE_ALIAS = path.join(REPO, 'test', 'fixtures', 'modules-alias', 'modules.alias.debian-6.12.113-amd64');
export const RESULTS = path.join(REPO, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `stateDir` becomes XDG_STATE_HOME, where simulations keep their state: tests never touch the user's. */
export async function startBridge({ sysfsRoot = null, modulesAlias = null, demo = null, stateDir = null } = {}) {
  if (!fs.existsSync(BRIDGE)) throw new Error(`${BRIDGE} is missing: run "node scripts/build.mjs" first.`);
  const args = [BRIDGE, '--port', '0'];
  if (sysfsRoot) args.push('--sysfs-root', sysfsRoot);
  if (modulesAlias) args.push('--modules-alias', modulesAlias);
  if (demo) args.push('--demo', demo);
  const env = stateDir ? { ...process.env, XDG_STATE_HOME: stateDir } : process.env;
  const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const read = (chunk) => {
      output += String(chunk);
      const open = /^Open (\S+)$/m.exec(output);
      if (open) resolve(open[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The bridge exited (${code}) before printing its address:\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page showing Bindery, once the device tree is up; `errors` collects what the page logged as errors.
 * `prepare` runs before the page loads (to route its WebSocket, for one). `timeoutMs` is how long the
 * page's waits may take: more for huge hosts on a loaded machine than Playwright's 30 s.
 */
export async function openBindery(browser, url, { width = 1440, height = 900, colorScheme = 'light', prepare = null, timeoutMs = null } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme });
  if (timeoutMs !== null) page.setDefaultTimeout(timeoutMs);
  if (prepare) await prepare(page);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.getByRole('tree', { name: 'Devices' }).waitFor();
  return { page, errors };
}

export async function saveScreenshot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
