// Where the arrow keys take the cursor in a vertical list or tree, and which
// keys open a row's context menu. Tree-only moves (Left/Right) need the row's
// shape, so they live with treeMove.
import type { TreeRow } from './tree-rows';

/** The new row index for a list key, or null when the key is not a move. */
export function listMove(key: string, index: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, last);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(index + Math.max(pageSize - 1, 1), last);
    case 'PageUp':
      return Math.max(index - Math.max(pageSize - 1, 1), 0);
    default:
      return null;
  }
}

/** The keys that open a row's context menu: the Menu key, or Shift+F10. */
export function isMenuKey(event: { readonly key: string; readonly shiftKey: boolean }): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

export type TreeMove =
  | { readonly type: 'focus'; readonly index: number }
  | { readonly type: 'expand'; readonly key: string; readonly expanded: boolean };

/**
 * Right opens a closed branch, or steps into an open one; Left closes an open
 * branch, or steps out to the parent (WAI-ARIA tree pattern).
 */
export function treeMove(key: string, rows: readonly TreeRow[], index: number, pageSize: number): TreeMove | null {
  const row = rows[index];
  if (!row) return null;
  if (key === 'ArrowRight') {
    if (!row.expandable) return null;
    if (!row.expanded) return { type: 'expand', key: row.key, expanded: true };
    return index + 1 < rows.length ? { type: 'focus', index: index + 1 } : null;
  }
  if (key === 'ArrowLeft') {
    if (row.expandable && row.expanded) return { type: 'expand', key: row.key, expanded: false };
    const parent = row.parentKey === null ? -1 : rows.findIndex((r) => r.key === row.parentKey);
    return parent >= 0 ? { type: 'focus', index: parent } : null;
  }
  const next = listMove(key, index, rows.length, pageSize);
  return next === null ? null : { type: 'focus', index: next };
}
