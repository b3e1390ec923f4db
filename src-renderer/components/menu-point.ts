// Where a context menu opened from the keyboard appears: under the start of
// the row it is for (a mouse opens it where the pointer is).
import type { MenuPoint } from './Menu';

/** Below the row, a little in from its left edge; null when the row is not in the DOM. */
export function pointUnder(element: Element | null): MenuPoint | null {
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return { x: rect.left + 24, y: rect.bottom + 2 };
}
