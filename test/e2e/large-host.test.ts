// A host with 10,280 PCI functions (40 root ports, each with a full bus of
// 32 devices x 8 functions), written with the fixtures' sysfs builder: the
// tree and the list must render only what is in view and still reach every row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SysfsBuilder, addPciDevice } from '../fixtures/sysfs/sysfs-builder';
import type { RunningBridge } from './harness.mjs';
import { FIXTURE_ALIAS, launchChromium, openBindery, startBridge } from './harness.mjs';
import { activeRowText, deviceItem, details, filterBox, tree } from './ui';

const PORTS = 40;
const PER_BUS = 32 * 8;
const TOTAL = PORTS + PORTS * PER_BUS;
/** Far fewer than the devices: what a virtualized view keeps in the DOM. */
const MAX_ROWS_IN_DOM = 150;

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
const portName = (port: number) => `0000:00:${hex(port >> 3, 2)}.${port & 7}`;
const functionName = (bus: number, slot: number, fn: number) => `0000:${hex(bus, 2)}:${hex(slot, 2)}.${fn}`;
const lastDevice = functionName(PORTS, 31, 7);

function writeFleet(root: string): void {
  const b = new SysfsBuilder(root);
  b.file('sys/bus/pci/drivers_autoprobe', '1\n').driver('pci', 'pcieport', null).driver('pci', 'igb', 'igb');
  for (let port = 0; port < PORTS; port++) {
    const bus = port + 1;
    const portPath = `sys/devices/pci0000:00/${portName(port)}`;
    addPciDevice(b, {
      path: portPath, vendor: 0x8086, device: 0xa338, subsystemVendor: 0x1043, subsystemDevice: 0x8694,
      classCode: 0x060400, revision: 0xf0, headerType: 1, busNumbers: [0, bus, bus], driver: 'pcieport',
    });
    for (let slot = 0; slot < 32; slot++) {
      for (let fn = 0; fn < 8; fn++) {
        addPciDevice(b, {
          path: `${portPath}/${functionName(bus, slot, fn)}`, vendor: 0x8086, device: 0x1533, subsystemVendor: 0x8086,
          subsystemDevice: 0x0001, classCode: 0x020000, revision: 3, driver: fn === 0 ? 'igb' : undefined,
        });
      }
    }
  }
}

let root: string;
let bridge: RunningBridge;
let browser: Browser;
let page: Page;

/** Reading and drawing 10,280 devices while other suites load both cores can take minutes in CI. */
const SLOW_MS = 180_000;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-fleet-'));
  writeFleet(root);
  bridge = await startBridge({ sysfsRoot: root, modulesAlias: FIXTURE_ALIAS });
  browser = await launchChromium();
  ({ page } = await openBindery(browser, bridge.url, { timeoutMs: SLOW_MS }));
}, SLOW_MS * 2);
afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe(`a host with ${TOTAL.toLocaleString('en')} devices`, { timeout: SLOW_MS }, () => {
  it('renders only the rows in view, while telling assistive technology how many there are', async () => {
    await tree(page).getByRole('treeitem', { name: `PCI ${TOTAL.toLocaleString('en')}`, exact: true }).waitFor();
    expect(await tree(page).getByRole('treeitem').count()).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(await deviceItem(page, portName(0)).getAttribute('aria-setsize')).toBe(String(PORTS));
    expect(await deviceItem(page, functionName(1, 0, 0)).getAttribute('aria-setsize')).toBe(String(PER_BUS));
  });

  it('reaches the last device with End and the first row with Home', async () => {
    await tree(page).focus();
    await page.keyboard.press('End');
    await deviceItem(page, lastDevice).waitFor();
    expect(await activeRowText(page)).toContain(lastDevice);
    await page.keyboard.press('Enter');
    expect(await deviceItem(page, lastDevice).getAttribute('aria-selected')).toBe('true');
    await details(page).getByRole('heading', { level: 2, name: 'I210 Gigabit Network Connection' }).waitFor();
    await page.keyboard.press('Home');
    await tree(page).getByRole('treeitem', { name: `PCI ${TOTAL.toLocaleString('en')}`, exact: true }).waitFor();
    expect(await activeRowText(page)).toMatch(/^PCI/);
  });

  it('finds one device among them by address', async () => {
    await filterBox(page).fill('28:1f.7');
    await deviceItem(page, lastDevice).waitFor();
    expect(await tree(page).getByRole('treeitem').count()).toBe(3);
    await filterBox(page).fill('');
  });

  it('sorts the flat list and still renders only what is in view', async () => {
    await page.getByRole('button', { name: 'List' }).click();
    const grid = page.getByRole('grid', { name: 'Devices' });
    await grid.waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    const driver = grid.getByRole('columnheader', { name: 'Driver' });
    await driver.getByRole('button').click();
    expect(await driver.getAttribute('aria-sort')).toBe('ascending');
    await grid.getByRole('row', { name: /^0000:00:00\.0/ }).waitFor({ state: 'detached' });
    expect(await grid.getByRole('row').count()).toBeLessThan(MAX_ROWS_IN_DOM);
  });
});
