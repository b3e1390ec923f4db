// Demo mode: a simulated host in the UI, clearly marked as such, following
// changes made to the simulation by another process without a refresh, and
// switchable to this computer and back.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.mjs';
import { simulatedWindow } from './simulated-window';
import { deviceItem, details, tree } from './ui';

const sim = simulatedWindow('qemu-q35');
let page: Page;
beforeEach(() => {
  ({ page } = sim);
});

describe('demo mode', () => {
  it('shows the scenario, marked as a simulation, with its simulated devices', async () => {
    const header = page.getByRole('banner');
    expect(await header.getByRole('combobox', { name: 'Host' }).inputValue()).toBe('sim:qemu-q35');
    await header.getByText('Simulation', { exact: true }).waitFor();
    await deviceItem(page, 'vdpa0').waitFor();
    await deviceItem(page, 'netdevsim10').waitFor();
    await deviceItem(page, '0000:01:02.0').click();
    await details(page).getByText('e1000', { exact: true }).first().waitFor();
    await saveScreenshot(page, 'demo-qemu-q35');
  });

  it('follows a change made through the simulator, without a refresh', async () => {
    const nic = deviceItem(page, '0000:01:02.0');
    await expect.poll(() => nic.innerText()).toContain('e1000');
    const out = sim.simRun([
      'write /sys/bus/pci/devices/0000:01:02.0/driver_override vfio-pci',
      'write /sys/bus/pci/drivers/e1000/unbind 0000:01:02.0',
      'write /sys/bus/pci/drivers_probe 0000:01:02.0',
    ]);
    expect(out).toContain('drivers_probe 0000:01:02.0 => ok');
    await expect.poll(() => nic.innerText(), { timeout: 15_000 }).toContain('vfio-pci');
    await nic.click();
    await details(page).getByText('vfio-pci', { exact: true }).first().waitFor();
  });

  it('switches to this computer and back', async () => {
    const host = page.getByRole('banner').getByRole('combobox', { name: 'Host' });
    const simulations = await host.locator('optgroup option').allInnerTexts();
    expect(simulations).toContain('qemu-q35');
    await host.selectOption('local');
    // The badge, not the menu's own option of that name.
    await page.getByRole('banner').getByText('This computer', { exact: true }).filter({ visible: true }).waitFor();
    expect(await host.inputValue()).toBe('local');
    const localPci = fs.readdirSync('/sys/bus/pci/devices').length;
    await tree(page).getByRole('treeitem', { name: `PCI ${localPci}`, exact: true }).waitFor();
    await host.selectOption('sim:qemu-q35');
    await deviceItem(page, 'vdpa0').waitFor();
  });
});
