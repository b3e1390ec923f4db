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
