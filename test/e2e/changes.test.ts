// Changing devices from the UI on the simulated workstation: assign the
// second GPU (its audio function comes along), follow the run, see the new
// drivers in the tree, undo it; refusals that protect the boot disk and the
// display; the context menu from the keyboard; keeping a device after reboot.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BridgeTap } from './bridge-tap';
import { saveScreenshot } from './harness.mjs';
import { simulatedWindow } from './simulated-window';
import { changeDialog, description, details, deviceItem, deviceRow, focusedLabel, isDisabled, steps } from './ui';

const sim = simulatedWindow('workstation', { tap: true });
let page: Page;
let tap: BridgeTap;
beforeEach(() => {
  ({ page, tap } = sim);
});

async function chooseAction(device: string, action: string): Promise<void> {
  await deviceItem(page, device).click();
  await details(page).getByRole('button', { name: action, exact: true }).click();
}

/** Text as read, whatever the line breaks between its parts. */
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function driverOf(device: string): Promise<string> {
  return deviceItem(page, device).innerText();
}

describe('assigning the second GPU to VFIO and back', () => {
  it('reviews both functions, follows the run, shows the outcome and the new drivers, and undoes it', async () => {
    await chooseAction('0000:05:00.0', 'Assign to VFIO');
    const dialog = changeDialog(page, /^Assign 0000:05:00\.0 \(.*\) and its audio function to VFIO$/);
    const apply = dialog.getByRole('button', { name: 'Apply', exact: true });
    await apply.waitFor();
    const gpu = await deviceRow(dialog, '0000:05:00.0').innerText();
    const audio = await deviceRow(dialog, '0000:05:00.1').innerText();
    for (const text of ['Navi 21', 'Chosen', 'amdgpu', 'vfio-pci']) expect(gpu).toContain(text);
    for (const text of ['HDMI/DP Audio', 'Same card', 'snd_hda_intel', 'vfio-pci']) expect(audio).toContain(text);
    expect((await steps(dialog).allInnerTexts()).map(words)).toEqual([
      '1. Unbind 0000:05:00.0 from amdgpu',
      '2. Set the driver override of 0000:05:00.0 to vfio-pci',
      '3. Probe 0000:05:00.0, so that vfio-pci takes it',
      '4. Unbind 0000:05:00.1 from snd_hda_intel',
      '5. Set the driver override of 0000:05:00.1 to vfio-pci',
      '6. Probe 0000:05:00.1, so that vfio-pci takes it',
    ]);
    await saveScreenshot(page, 'change-review-light');
    // The dialog opens on its title; Tab cycles through its controls and never leaves it.
    expect(await page.locator(':focus').innerText()).toMatch(/^Assign 0000:05:00\.0 /);
    const focused = async () => (await dialog.locator(':focus').count()) === 1 ? page.locator(':focus').innerText() : 'outside the dialog';
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Apply');
    const cycle: string[] = [];
    while (cycle.length < 3) {
      await page.keyboard.press('Tab');
      cycle.push(await focused());
    }
    expect(cycle).toEqual(['Cancel', 'Apply', 'Cancel']);

    // Held after step 4 began: three steps applied and verified, then the fourth's start.
    tap.pauseRun(7);
    await apply.click();
    await dialog.getByRole('status').filter({ hasText: 'Step 4 of 6: Unbind 0000:05:00.1 from snd_hda_intel' }).waitFor();
    expect(await dialog.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3');
    const states = await steps(dialog).allInnerTexts();
    expect(states.slice(0, 3).every((s) => s.endsWith('done'))).toBe(true);
    expect(states[3]).toMatch(/running$/);
    expect(states[4]).not.toMatch(/done|running/);
    // Mid-run the dialog cannot be dismissed, and offers nothing to press.
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('button').count()).toBe(0);
    await saveScreenshot(page, 'change-progress-light');

    tap.resume();
    await dialog.getByRole('status').filter({ hasText: 'Done: every step applied and verified.' }).waitFor();
    expect(await deviceRow(dialog, '0000:05:00.0').innerText()).toMatch(/amdgpu\s*→?\s*(to\s*)?vfio-pci/);
    expect(await deviceRow(dialog, '0000:05:00.1').innerText()).toMatch(/snd_hda_intel\s*→?\s*(to\s*)?vfio-pci/);
    await saveScreenshot(page, 'change-outcome-light');
    // Behind the dialog the tree already shows the new drivers: nobody pressed Refresh.
    await expect.poll(() => driverOf('0000:05:00.0')).toContain('vfio-pci');
    expect(await driverOf('0000:05:00.1')).toContain('vfio-pci');

    await dialog.getByRole('button', { name: 'Undo' }).click();
    const undo = changeDialog(page, /^Undo "Assign 0000:05:00\.0 .*"$/);
    await undo.getByRole('button', { name: 'Apply', exact: true }).waitFor();
    expect(await deviceRow(undo, '0000:05:00.0').innerText()).toContain('amdgpu');
    expect(await deviceRow(undo, '0000:05:00.1').innerText()).toContain('snd_hda_intel');
    await undo.getByRole('button', { name: 'Apply', exact: true }).click();
    await undo.getByRole('status').filter({ hasText: 'Done: every step applied and verified.' }).waitFor();
    await undo.getByRole('button', { name: 'Close' }).click();
    await undo.waitFor({ state: 'detached' });
    expect(await driverOf('0000:05:00.0')).toContain('amdgpu');
    expect(await driverOf('0000:05:00.1')).toContain('snd_hda_intel');
    // Focus is back on the button that started it all.
    expect(await page.locator(':focus').innerText()).toBe('Assign to VFIO');
  });

  it('lists both changes in History, newest first, the first one marked undone, with its steps', async () => {
    await page.getByRole('tab', { name: /^History/ }).click();
    const entries = page.getByRole('list', { name: 'Applied changes' }).locator(':scope > li');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(2);
    const [newest, oldest] = await entries.allInnerTexts();
    expect(newest).toMatch(/^Undo "Assign 0000:05:00\.0/);
    expect(newest).toContain('Applied');
    expect(newest).not.toContain('undone');
    expect(oldest).toMatch(/^Assign 0000:05:00\.0/);
    expect(oldest).toContain('undone');
    expect(oldest).toMatch(/0000:05:00\.0\s*amdgpu[\s\S]*vfio-pci/);
    const toggle = entries.nth(1).getByRole('button', { name: /^Assign 0000:05:00\.0/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await steps(entries.nth(1)).count()).toBe(6);
    expect(await steps(entries.nth(1)).first().innerText()).toMatch(/Unbind 0000:05:00\.0 from amdgpu\s*done$/);
  });
});

describe('refusals', () => {
  it('refuses to assign the boot disk, says why, and offers no way to apply', async () => {
    await chooseAction('0000:02:00.0', 'Assign to VFIO');
    const dialog = changeDialog(page, /^Assign 0000:02:00\.0 /);
    const refusals = dialog.getByRole('region', { name: /^Refused/ });
    await refusals.waitFor();
    const text = await refusals.innerText();
    for (const words of ['This is the boot disk', 'cannot be overridden', '/boot/efi', 'What to do:', 'Pick another device']) expect(text).toContain(words);
    const apply = dialog.getByRole('button', { name: 'Apply', exact: true });
    expect(await isDisabled(apply)).toBe(true);
    expect(await description(apply)).toContain('This is the boot disk');
    expect(await dialog.getByRole('checkbox').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Apply anyway' }).count()).toBe(0);
    // Pressing it anyway does nothing.
    await apply.click({ force: true });
    expect(await dialog.getByRole('region', { name: /^Refused/ }).count()).toBe(1);
    await saveScreenshot(page, 'change-refused-light');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await driverOf('0000:02:00.0')).toContain('nvme');
  });

  it('refuses the display GPU unless you say you understand; only then Apply anyway enables', async () => {
    await chooseAction('0000:01:00.0', 'Assign to VFIO');
    const dialog = changeDialog(page, /^Assign 0000:01:00\.0 /);
    const refusal = dialog.getByRole('region', { name: 'Refused unless you override it' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('This GPU drives the display in use');
    expect(await refusal.innerText()).toContain('can be overridden');
    const anyway = dialog.getByRole('button', { name: 'Apply anyway' });
    expect(await isDisabled(anyway)).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Apply', exact: true }).count()).toBe(0);
    const understand = dialog.getByRole('checkbox', { name: /^I understand/ });
    expect(await understand.isChecked()).toBe(false);
    await understand.check();
    expect(await isDisabled(anyway)).toBe(false);
    await saveScreenshot(page, 'change-forceable-light');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await driverOf('0000:01:00.0')).toContain('nouveau');
  });

  it('binds only a driver that would take the device: another bus driver is refused with the kernel\'s reason', async () => {
    await chooseAction('0000:07:00.0', 'Bind to…');
    const chooser = page.getByRole('dialog', { name: 'Bind 0000:07:00.0 to a driver' });
    const bound = chooser.getByRole('radio', { name: 'xhci_hcd' });
    await bound.waitFor();
    expect(await bound.isDisabled()).toBe(true);
    expect(await description(bound)).toMatch(/^Matches/);
    const vfio = chooser.getByRole('radio', { name: 'vfio-pci' });
    expect(await description(vfio)).toContain('Assign to VFIO does that');
    await saveScreenshot(page, 'bind-chooser-light');
    await chooser.getByRole('radio', { name: 'ahci' }).check();
    await chooser.getByRole('button', { name: 'Review plan' }).click();
    const dialog = changeDialog(page, /^Bind 0000:07:00\.0 .* to ahci$/);
    const refusals = dialog.getByRole('region', { name: /^Refused/ });
    await refusals.waitFor();
    expect(await refusals.innerText()).toContain('ahci would not take 0000:07:00.0');
    expect(await isDisabled(dialog.getByRole('button', { name: 'Apply', exact: true }))).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('the context menu', () => {
  it('opens from the keyboard on the focused row, explains what does not apply, and runs an action', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('0000:07:00.0');
    await page.keyboard.press('Enter');
    expect(await focusedLabel(page)).toBe('Devices');
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actions for 0000:07:00.0' });
    await menu.waitFor();
    expect(await page.locator(':focus').innerText()).toBe('Assign to VFIO');
    const back = menu.getByRole('menuitem', { name: 'Return to host' });
    expect(await back.getAttribute('aria-disabled')).toBe('true');
    expect(await description(back)).toBe('It is on xhci_hcd, not on a VFIO driver.');
    expect(await description(menu.getByRole('menuitem', { name: 'Clear driver override' }))).toBe('No driver override is set.');
    expect(await menu.getByRole('menuitemcheckbox', { name: 'Keep after reboot' }).getAttribute('aria-checked')).toBe('false');
    await saveScreenshot(page, 'change-menu-light');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Devices');

    await page.keyboard.press('ContextMenu');
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(':focus').innerText()).toBe('Unbind');
    await page.keyboard.press('Enter');
    const dialog = changeDialog(page, /^Unbind 0000:07:00\.0 .* from xhci_hcd$/);
    await dialog.getByRole('button', { name: 'Apply', exact: true }).waitFor();
    expect(await deviceRow(dialog, '0000:07:00.0').innerText()).toMatch(/xhci_hcd[\s\S]*no driver/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Devices');
  });

  it('works the same in the flat list', async () => {
    await page.getByRole('button', { name: 'List' }).click();
    const grid = page.getByRole('grid', { name: 'Devices' });
    await grid.getByRole('row', { name: /^0000:05:00\.1/ }).click();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actions for 0000:05:00.1' });
    await menu.waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Devices');
    await grid.getByRole('row', { name: /^0000:05:00\.1/ }).click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Assign to VFIO' }).click();
    const dialog = changeDialog(page, /^Assign 0000:05:00\.1 /);
    await dialog.getByRole('button', { name: 'Apply', exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('opens on right-click, selecting the row', async () => {
    await deviceItem(page, '0000:06:00.0').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actions for 0000:06:00.0' });
    await menu.waitFor();
    expect(await deviceItem(page, '0000:06:00.0').getAttribute('aria-selected')).toBe('true');
    await menu.getByRole('menuitem', { name: 'Assign to VFIO' }).click();
    const dialog = changeDialog(page, /^Assign 0000:06:00\.0 /);
    await dialog.getByRole('region', { name: 'Refused unless you override it' }).getByText('This network interface carries the default route').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('keep after reboot', () => {
  it('keeps the GPU on its driver, lists it as kept and present, and lets it go again', async () => {
    await deviceItem(page, '0000:05:00.0').click();
    const keep = details(page).getByRole('switch', { name: 'Keep after reboot' });
    expect(await keep.getAttribute('aria-checked')).toBe('false');
    await keep.click();
    await details(page).getByRole('switch', { name: 'Keep after reboot', checked: true }).waitFor();
    expect(await description(keep)).toBe('Boot restores amdgpu.');

    await page.getByRole('tab', { name: /^History/ }).click();
    const kept = page.getByRole('list', { name: 'Kept devices' }).getByRole('listitem');
    await kept.first().waitFor();
    expect(await kept.count()).toBe(1);
    const text = await kept.first().innerText();
    for (const words of ['0000:05:00.0', 'at boot: amdgpu', 'present']) expect(text).toContain(words);
    expect(await isDisabled(page.getByRole('button', { name: 'Import from driverctl' }))).toBe(true);
    await saveScreenshot(page, 'change-history-kept-light');

    // The menu's checkbox says the same, and turns it off.
    await page.getByRole('tab', { name: /^Devices/ }).click();
    await deviceItem(page, '0000:05:00.0').click({ button: 'right' });
    const item = page.getByRole('menu').getByRole('menuitemcheckbox', { name: 'Keep after reboot' });
    expect(await item.getAttribute('aria-checked')).toBe('true');
    await item.click();
    await details(page).getByRole('switch', { name: 'Keep after reboot', checked: false }).waitFor();
    await page.getByRole('tab', { name: /^History/ }).click();
    await page.getByText('No device is kept.').waitFor();
  });
});
