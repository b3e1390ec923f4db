// How the end-to-end tests find things: by role and accessible name, as a
// screen reader user would.
import type { Locator, Page } from 'playwright-core';

export const tree = (page: Page): Locator => page.getByRole('tree', { name: 'Devices' });
export const details = (page: Page): Locator => page.getByRole('region', { name: 'Device details' });
export const filterBox = (page: Page): Locator => page.getByRole('searchbox', { name: 'Filter devices' });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The tree row of a device; its name starts with the device's address. */
export function deviceItem(page: Page, name: string): Locator {
  return tree(page).getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(name)}(\\s|$)`) });
}

/** The accessible label of whatever has keyboard focus. */
export function focusedLabel(page: Page): Promise<string | null> {
  return page.locator(':focus').getAttribute('aria-label');
}

/** The text of the row the focused tree or grid marks as active (aria-activedescendant). */
export async function activeRowText(page: Page): Promise<string | null> {
  const id = await page.locator(':focus').getAttribute('aria-activedescendant');
  return id ? page.locator(`[id="${id}"]`).textContent() : null;
}

/** The change dialog (plan review, progress, outcome), named by the change. */
export function changeDialog(page: Page, name?: RegExp | string): Locator {
  return page.getByRole('dialog', name === undefined ? {} : { name });
}

/** A row of a dialog's device table, by the device's address. */
export function deviceRow(dialog: Locator, name: string): Locator {
  return dialog.getByRole('row', { name: new RegExp(`^${escapeRegExp(name)}\\s`) });
}

/** The steps of a plan, as listed in the dialog or a history entry. */
export function steps(scope: Locator): Locator {
  return scope.getByRole('list', { name: 'Steps' }).getByRole('listitem');
}

/** What the accessible description of an element says (aria-describedby), as a screen reader reads it after the name. */
export async function description(locator: Locator): Promise<string> {
  const ids = (await locator.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  const texts = await Promise.all(ids.map((id) => locator.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ').trim();
}

/** Whether the element is announced as disabled (aria-disabled keeps it focusable, so its reason can be read). */
export async function isDisabled(locator: Locator): Promise<boolean> {
  return (await locator.getAttribute('aria-disabled')) === 'true' || (await locator.isDisabled());
}
