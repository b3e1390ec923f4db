// A small tree with what real machines have now and then: an attribute that
// does not parse (a scan problem) and a device without a modalias. The UI must
// say so, not hide it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SysfsBuilder, addPciDevice } from '../fixtures/sysfs/sysfs-builder';
import type { RunningBridge } from './harness.mjs';
import { FIXTURE_ALIAS, launchChromium, openBindery, saveScreenshot, startBridge } from './harness.mjs';
import { deviceItem, details } from './ui';

let root: string;
let bridge: RunningBridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-odd-'));
  const b = new SysfsBuilder(root);
  b.file('sys/bus/pci/drivers_autoprobe', 'maybe\n');
  addPciDevice(b, {
    path: 'sys/devices/pci0000:00/0000:00:02.0', vendor: 0x8086, device: 0x3e92, subsystemVendor: 0x1043,
    subsystemDevice: 0x8694, classCode: 0x030000, revision: 2,
  });
  b.busDevice('platform', 'intel_pmc_core.0', 'sys/devices/platform/intel_pmc_core.0');
  bridge = await startBridge({ sysfsRoot: root, modulesAlias: FIXTURE_ALIAS });
  browser = await launchChromium();
  ({ page } = await openBindery(browser, bridge.url));
});
afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('a host with a scan problem and a device without a modalias', () => {
  it('shows what could not be read, with its path and error code', async () => {
    const banner = page.getByText(/^1 problem while reading this host$/);
    await banner.waitFor();
    await page.getByText('Show what could not be read').click();
    const problem = page.getByRole('listitem').filter({ hasText: 'drivers_autoprobe' });
    expect(await problem.innerText()).toContain('EPARSE');
  });

  it('explains why a device without a modalias has no candidate drivers', async () => {
    await page.getByRole('tree', { name: 'Devices' }).getByRole('treeitem', { name: /^Platform/ }).click();
    await deviceItem(page, 'intel_pmc_core.0').click();
    const panel = details(page);
    await panel.getByRole('heading', { level: 2, name: 'intel_pmc_core.0' }).waitFor();
    const candidates = panel.getByRole('region', { name: 'Candidate drivers' });
    await candidates.getByText('No candidate drivers').waitFor();
    expect(await candidates.innerText()).toContain('no modalias');
    expect(await panel.getByRole('region', { name: 'Identity' }).innerText()).toMatch(/Modalias\s+none/);
    await saveScreenshot(page, 'odd-host-no-modalias-1440x900-light');
  });
});
