// The Electron shell itself: runs only where ELECTRON_OVERRIDE_DIST_PATH names
// a real Electron (its binary cannot be downloaded on CI machines); reported
// as skipped otherwise.
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/api';

const ELECTRON_DIST = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const REPO = path.resolve(__dirname, '..', '..');
const TREE = path.join(REPO, 'test/fixtures/sysfs/workstation');
const ALIASES = path.join(REPO, 'test/fixtures/modules-alias/modules.alias.debian-6.12.113-amd64');

describe.skipIf(!ELECTRON_DIST)('Electron shell', () => {
  let app: ElectronApplication;

  beforeAll(async () => {
    app = await electron.launch({
      executablePath: path.join(ELECTRON_DIST ?? '', 'electron'),
      args: [REPO, '--sysfs-root', TREE, '--modules-alias', ALIASES],
      cwd: REPO,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens a hardened window on bindery://app', async () => {
    const window = await app.firstWindow();
    expect(window.url()).toBe('bindery://app/index.html');
    // No Node in the page (nodeIntegration off, sandboxed, context-isolated preload).
    const page = await window.evaluate(() => {
      const scope = globalThis as { require?: unknown; process?: unknown; module?: unknown };
      return [typeof scope.require, typeof scope.process, typeof scope.module];
    });
    expect(page).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('exposes exactly the contract on window.bindery', async () => {
    const window = await app.firstWindow();
    const keys = await window.evaluate(() => Object.keys((globalThis as unknown as { bindery: object }).bindery).sort());
    expect(keys).toEqual([...METHOD_NAMES, ...EVENT_NAMES].sort());
  });

  it('shows the devices of the tree and their candidates', async () => {
    const window = await app.firstWindow();
    const tree = window.getByRole('tree', { name: 'Devices' });
    await tree.getByRole('treeitem', { name: /^0000:02:00\.0/ }).click();
    await expect.poll(() => window.getByRole('region', { name: 'Device details' }).textContent()).toContain('nvme');
  });

  it('refuses navigation away from the app and new windows', async () => {
    const window = await app.firstWindow();
    await window.evaluate(() => {
      const page = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
      page.open('https://example.org/');
      page.location.href = 'https://example.org/';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(window.url()).toBe('bindery://app/index.html');
    expect(app.windows()).toHaveLength(1);
  });
});
