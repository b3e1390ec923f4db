// The UI against the machine the tests run on (/sys), with the fixture's
// modules.alias and without one, and after the engine goes away. What the UI
// shows is compared with what /sys and the engine say, so the test holds on
// any machine: with or without an IOMMU, with or without /lib/modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from './harness.mjs';
import { FIXTURE_ALIAS, REPO, launchChromium, openBindery, saveScreenshot, startBridge } from './harness.mjs';
import { deviceItem, details, filterBox, tree } from './ui';

const pciNames = fs.readdirSync('/sys/bus/pci/devices').sort();
const iommuGroups = fs.existsSync('/sys/kernel/iommu_groups') ? fs.readdirSync('/sys/kernel/iommu_groups') : [];
const ownAlias = path.join('/lib/modules', os.release(), 'modules.alias');
const firstPci = pciNames[0];

interface CliCandidates {
  readonly candidates: readonly { readonly module: string; readonly alias: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!firstPci)('this machine, with the fixture modules.alias', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge({ modulesAlias: FIXTURE_ALIAS });
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('shows every device of /sys/bus/pci/devices under the PCI bus', async () => {
    const { page, errors } = await openBindery(browser, bridge.url);
    await page.getByRole('banner').getByText('This computer', { exact: true }).filter({ visible: true }).waitFor();
    await tree(page).getByRole('treeitem', { name: `PCI ${pciNames.length}`, exact: true }).waitFor();
    for (const name of pciNames) await deviceItem(page, name).waitFor();
    await filterBox(page).fill(firstPci ?? '');
    await deviceItem(page, firstPci ?? '').waitFor();
    expect(await tree(page).getByRole('treeitem').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the candidates the engine finds for a PCI device', async () => {
    const out = execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli', 'cli.cjs'), 'candidates', firstPci ?? '', '--json',
      '--modules-alias', FIXTURE_ALIAS], { encoding: 'utf8' });
    const expected = (JSON.parse(out) as CliCandidates).candidates;
    const { page } = await openBindery(browser, bridge.url);
    await deviceItem(page, firstPci ?? '').click();
    const items = details(page).getByRole('list', { name: 'Candidate drivers' }).getByRole('listitem');
    await items.first().waitFor();
    expect(await items.count()).toBe(expected.length);
    for (const [i, candidate] of expected.entries()) expect(await items.nth(i).innerText()).toContain(candidate.alias);
    await saveScreenshot(page, 'this-machine-1440x900-light');
    await page.close();
  });

  it('lists the IOMMU groups, or explains how to turn the IOMMU on', async () => {
    const { page } = await openBindery(browser, bridge.url, { width: 1024, height: 640, colorScheme: 'dark' });
    await page.getByRole('tab', { name: /IOMMU groups/ }).click();
    if (iommuGroups.length === 0) {
      const panel = page.getByRole('tabpanel', { name: /IOMMU groups/ });
      await panel.getByRole('heading', { name: 'No IOMMU groups' }).waitFor();
      const text = await panel.innerText();
      for (const words of ['intel_iommu=on', 'amd_iommu=on', 'iommu=pt', 'VT-d', 'AMD-Vi']) expect(text).toContain(words);
    } else {
      const first = page.getByRole('list', { name: 'IOMMU groups' }).getByRole('listitem').first();
      expect(await first.getAttribute('aria-setsize')).toBe(String(iommuGroups.length));
    }
    await saveScreenshot(page, 'this-machine-iommu-1024x640-dark');
    await page.close();
  });
});

describe.skipIf(!firstPci)('this machine, without a modules.alias option', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge();
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('says plainly when there is no modules.alias, and where it looked', async () => {
    const { page } = await openBindery(browser, bridge.url, { colorScheme: 'dark' });
    await deviceItem(page, firstPci ?? '').click();
    const candidates = details(page).getByRole('region', { name: 'Candidate drivers' });
    if (fs.existsSync(ownAlias)) {
      await candidates.getByRole('list', { name: 'Candidate drivers' }).waitFor();
    } else {
      await candidates.getByText('No modules.alias, so no candidate drivers').waitFor();
      expect(await candidates.innerText()).toContain(ownAlias);
    }
    await saveScreenshot(page, 'this-machine-no-alias-1440x900-dark');
    await page.close();
  });

  it('says at once when the connection to the engine is lost, and keeps what it showed', async () => {
    const { page } = await openBindery(browser, bridge.url);
    await bridge.stop();
    // No click: the page notices the bridge went away by itself.
    const alert = page.getByRole('alert').filter({ hasText: 'Connection to Bindery lost' });
    await alert.waitFor();
    await page.getByRole('button', { name: 'Refresh' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Connection to Bindery lost' }).count()).toBe(1);
    await deviceItem(page, firstPci ?? '').waitFor();
    await saveScreenshot(page, 'this-machine-connection-lost');
    await page.close();
  });
});
