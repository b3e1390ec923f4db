// The UI against the captured workstation tree (a GPU sharing its IOMMU group
// with its audio function, an NVMe drive, an SR-IOV NIC with a VF on vfio-pci),
// checked against what the engine itself reports through the CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBridge } from './harness.mjs';
import { FIXTURE_ALIAS, FIXTURE_TREE, REPO, launchChromium, openBindery, saveScreenshot, startBridge } from './harness.mjs';
import { activeRowText, description, deviceItem, details, filterBox, focusedLabel, isDisabled, tree } from './ui';

const sys = (...parts: string[]) => path.join(FIXTURE_TREE, 'sys', ...parts);
const pciNames = fs.readdirSync(sys('bus', 'pci', 'devices')).sort();
const groupCount = fs.readdirSync(sys('kernel', 'iommu_groups')).length;

interface CliCandidates {
  readonly modalias: string;
  readonly candidates: readonly { readonly module: string; readonly driver: string; readonly alias: string; readonly reason: string }[];
}

function engine<T>(...args: string[]): T {
  const out = execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli', 'cli.cjs'), ...args, '--json',
    '--sysfs-root', FIXTURE_TREE, '--modules-alias', FIXTURE_ALIAS], { encoding: 'utf8' });
  return JSON.parse(out) as T;
}

let bridge: RunningBridge;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  bridge = await startBridge({ sysfsRoot: FIXTURE_TREE, modulesAlias: FIXTURE_ALIAS });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});
beforeEach(async () => {
  ({ page, errors } = await openBindery(browser, bridge.url));
});
afterEach(async () => {
  // A CSP violation or a React error shows up here.
  expect(errors).toEqual([]);
  await page.close();
});

describe('the captured workstation tree', () => {
  it('says which host it shows and how many devices it has', async () => {
    const total = engine<unknown[]>('list').length;
    const header = page.getByRole('banner');
    await header.getByText('Captured tree', { exact: true }).waitFor();
    expect(await header.innerText()).toContain(`${total} devices`);
  });

  it('lists every PCI device of the tree under the PCI bus', async () => {
    await tree(page).getByRole('treeitem', { name: `PCI ${pciNames.length}`, exact: true }).waitFor();
    for (const name of pciNames) await deviceItem(page, name).waitFor();
    expect(pciNames.length).toBeGreaterThan(10);
  });

  it('narrows the tree as you type: by name, address, driver and class device; Escape clears', async () => {
    const filter = filterBox(page);
    await filter.fill('geforce');
    await deviceItem(page, '0000:02:00.0').waitFor({ state: 'detached' });
    await deviceItem(page, '0000:01:00.0').waitFor();

    await filter.fill('04:00');
    await deviceItem(page, '0000:01:00.0').waitFor({ state: 'detached' });
    for (const name of ['0000:04:00.0', '0000:04:00.2', '0000:04:00.3']) await deviceItem(page, name).waitFor();

    await filter.fill('vfio-pci');
    await deviceItem(page, '0000:04:00.2').waitFor({ state: 'detached' });
    await deviceItem(page, '0000:04:00.3').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'devices match' }).innerText()).toMatch(/^1 of \d+ devices match$/);

    await filter.fill('enp3s0');
    await deviceItem(page, '0000:03:00.0').waitFor();
    await deviceItem(page, '0000:04:00.3').waitFor({ state: 'detached' });

    await filter.press('Escape');
    await deviceItem(page, '0000:04:00.3').waitFor();
    expect(await filter.inputValue()).toBe('');
  });

  it('tells you when nothing matches, and offers to clear the filter', async () => {
    await filterBox(page).fill('no-such-device-anywhere');
    await page.getByRole('heading', { name: /No devices match/ }).waitFor();
    await page.getByRole('button', { name: 'Clear filter' }).last().click();
    await deviceItem(page, '0000:02:00.0').waitFor();
  });

  it('shows the NVMe drive\'s candidate drivers: nvme bound and recommended, with its alias and reason', async () => {
    const expected = engine<CliCandidates>('candidates', '0000:02:00.0').candidates;
    await deviceItem(page, '0000:02:00.0').click();
    const panel = details(page);
    await panel.getByRole('heading', { level: 2, name: 'NVMe SSD Controller SM981/PM981/PM983' }).waitFor();
    const items = panel.getByRole('list', { name: 'Candidate drivers' }).getByRole('listitem');
    await items.first().waitFor();
    expect(await items.count()).toBe(expected.length);
    const first = await items.first().innerText();
    expect(expected[0]?.module).toBe('nvme');
    for (const text of ['nvme', 'bound', 'recommended', expected[0]?.alias ?? '?', expected[0]?.reason ?? '?']) expect(first).toContain(text);
    expect(await items.nth(1).innerText()).toContain('VFIO choice');
    expect(await deviceItem(page, '0000:02:00.0').getAttribute('aria-selected')).toBe('true');
    await saveScreenshot(page, 'fixture-nvme-selected-1440x900-light');
  });

  it('copies the modalias to the clipboard', async () => {
    const { modalias } = engine<CliCandidates>('candidates', '0000:02:00.0');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(bridge.url).origin });
    await deviceItem(page, '0000:02:00.0').click();
    const identity = details(page).getByRole('region', { name: 'Identity' });
    expect(await identity.innerText()).toContain(modalias);
    await identity.getByRole('button', { name: 'Copy modalias' }).click();
    await identity.getByText('Copied', { exact: true }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(modalias);
  });

  it('lists every IOMMU group and makes the GPU\'s shared group stand out', async () => {
    await page.getByRole('tab', { name: /IOMMU groups/ }).click();
    const groups = page.getByRole('list', { name: 'IOMMU groups' });
    await groups.getByRole('listitem').first().waitFor();
    expect(await groups.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(groupCount));
    const gpuGroup = groups.getByRole('article', { name: 'IOMMU group 1', exact: true });
    expect(await gpuGroup.innerText()).toContain('3 devices');
    await gpuGroup.getByRole('button', { name: /0000:01:00\.1/ }).click();
    await details(page).getByRole('heading', { level: 2, name: 'TU106 High Definition Audio Controller' }).waitFor();
    expect(await details(page).getByText('Shared by 3 devices').count()).toBe(1);
    await saveScreenshot(page, 'fixture-iommu-1440x900-light');
  });

  it('links a VF to its PF, the PF to its VFs, and a device to its group members', async () => {
    await deviceItem(page, '0000:04:00.3').click();
    const panel = details(page);
    await panel.getByRole('heading', { level: 2, name: 'MT27800 Family [ConnectX-5 Virtual Function]' }).waitFor();
    await panel.getByRole('button', { name: /0000:04:00\.0/ }).click();
    await panel.getByRole('heading', { level: 2, name: 'MT27800 Family [ConnectX-5]' }).waitFor();
    const vfs = panel.getByRole('list', { name: 'Virtual functions' });
    expect(await vfs.innerText()).toMatch(/0000:04:00\.2[\s\S]*0000:04:00\.3/);

    await deviceItem(page, '0000:01:00.0').click();
    await panel.getByRole('list', { name: 'Members of IOMMU group 1' }).getByRole('button', { name: /0000:01:00\.1/ }).click();
    await panel.getByRole('heading', { level: 2, name: 'TU106 High Definition Audio Controller' }).waitFor();
  });

  it('works from the keyboard: / filters, Enter opens the first match, arrows walk and fold the tree', async () => {
    await page.keyboard.press('/');
    expect(await focusedLabel(page)).toBe('Filter devices');
    // A slow machine: the results lag behind fast typing, and Enter must still open the match.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await page.keyboard.type('samsung');
    await page.keyboard.press('Enter');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await details(page).getByRole('heading', { level: 2, name: /NVMe SSD Controller/ }).waitFor();
    expect(await focusedLabel(page)).toBe('Devices');

    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await deviceItem(page, '0000:01:00.0').waitFor();
    await page.keyboard.press('Escape');
    expect(await focusedLabel(page)).toBe('Devices');

    await page.keyboard.press('Home');
    expect(await activeRowText(page)).toMatch(/^PCI/);
    const pci = tree(page).getByRole('treeitem', { name: /^PCI \d+$/ });
    await page.keyboard.press('ArrowLeft');
    await deviceItem(page, '0000:00:00.0').waitFor({ state: 'detached' });
    expect(await pci.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await deviceItem(page, '0000:00:00.0').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await activeRowText(page)).toContain('0000:00:01.0');
    await page.keyboard.press('Enter');
    await details(page).getByRole('heading', { level: 2, name: /PCIe Controller/ }).waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await activeRowText(page)).toContain('0000:01:00.0');
    await page.keyboard.press('ArrowLeft');
    expect(await activeRowText(page)).toContain('0000:00:01.0');
    await page.keyboard.press('ArrowLeft');
    await deviceItem(page, '0000:01:00.0').waitFor({ state: 'detached' });
    await page.keyboard.press('End');
    await page.keyboard.press(' ');
    expect(await tree(page).getByRole('treeitem', { selected: true }).count()).toBe(1);
    expect(await activeRowText(page)).not.toContain('0000:00:01.0');
  });

  it('shows a flat, sortable list with one row per device', async () => {
    const total = engine<unknown[]>('list').length;
    await page.getByRole('button', { name: 'List' }).click();
    const grid = page.getByRole('grid', { name: 'Devices' });
    await grid.waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(total + 1));
    const driver = grid.getByRole('columnheader', { name: 'Driver' });
    await driver.getByRole('button').click();
    expect(await driver.getAttribute('aria-sort')).toBe('ascending');
    await grid.getByRole('row', { name: /0000:02:00\.0/ }).click();
    await details(page).getByRole('heading', { level: 2, name: /NVMe SSD Controller/ }).waitFor();
  });

  it('follows a refresh made elsewhere (the engine pushes the new snapshot)', async () => {
    const other = await openBindery(browser, bridge.url);
    const time = page.getByRole('banner').locator('time');
    const before = await time.getAttribute('datetime');
    await other.page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('banner').locator(`time:not([datetime="${before}"])`).waitFor();
    expect(other.errors).toEqual([]);
    await other.page.close();
  });

  it('offers no changes on a captured tree, and says why once', async () => {
    await deviceItem(page, '0000:01:00.0').click();
    const panel = details(page);
    await panel.getByText(/is a captured tree: it shows a machine as it was read, and nothing in it can be changed\.$/).waitFor();
    expect(await panel.getByText(/captured tree/).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Assign to VFIO' }).count()).toBe(0);
    expect(await panel.getByRole('switch').count()).toBe(0);

    await deviceItem(page, '0000:01:00.0').click({ button: 'right' });
    const items = page.getByRole('menu', { name: 'Actions for 0000:01:00.0' }).getByRole('menuitem');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual([expect.stringMatching(/^No changes here/)]);
    expect(await items.first().getAttribute('aria-disabled')).toBe('true');
    expect(await description(items.first())).toContain('nothing in it can be changed');
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: /^History/ }).click();
    await page.getByRole('heading', { name: 'No changes yet' }).waitFor();
    await page.getByText('This host cannot keep anything across reboots').waitFor();
    expect(await isDisabled(page.getByRole('button', { name: 'Undo last change' }))).toBe(true);
  });

  it('keeps the selected device across a refresh (F5)', async () => {
    await deviceItem(page, '0000:03:00.0').click();
    await details(page).getByRole('heading', { level: 2, name: 'I210 Gigabit Network Connection' }).waitFor();
    const time = page.getByRole('banner').locator('time');
    const before = await time.getAttribute('datetime');
    await page.keyboard.press('F5');
    await page.getByRole('banner').locator(`time:not([datetime="${before}"])`).waitFor();
    await details(page).getByRole('heading', { level: 2, name: 'I210 Gigabit Network Connection' }).waitFor();
    expect(await deviceItem(page, '0000:03:00.0').getAttribute('aria-selected')).toBe('true');
  });
});

describe('the look, in both themes and two window sizes', () => {
  for (const [width, height] of [[1440, 900], [1024, 640]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${width}x${height} ${colorScheme}: renders without errors`, async () => {
        const view = await openBindery(browser, bridge.url, { width, height, colorScheme });
        await deviceItem(view.page, '0000:01:00.0').click();
        await details(view.page).getByRole('list', { name: 'Candidate drivers' }).waitFor();
        await saveScreenshot(view.page, `fixture-gpu-${width}x${height}-${colorScheme}`);
        await view.page.getByRole('tab', { name: /IOMMU groups/ }).click();
        await view.page.getByRole('article', { name: 'IOMMU group 1', exact: true }).waitFor();
        await saveScreenshot(view.page, `fixture-iommu-${width}x${height}-${colorScheme}`);
        expect(view.errors).toEqual([]);
        await view.page.close();
      });
    }
  }
});
