import { describe, expect, it } from 'vitest';
import { buildDeviceTree } from '../../../../src-renderer/model/device-tree';
import { isMenuKey, listMove, treeMove } from '../../../../src-renderer/model/list-navigation';
import { treeRows } from '../../../../src-renderer/model/tree-rows';
import { makeDevice } from './make-device';

describe('listMove', () => {
  it('moves one row, a page, or to either end, and stops at the edges', () => {
    expect(listMove('ArrowDown', 0, 5, 3)).toBe(1);
    expect(listMove('ArrowDown', 4, 5, 3)).toBe(4);
    expect(listMove('ArrowUp', 0, 5, 3)).toBe(0);
    expect(listMove('End', 1, 5, 3)).toBe(4);
    expect(listMove('Home', 3, 5, 3)).toBe(0);
    expect(listMove('PageDown', 0, 50, 10)).toBe(9);
    expect(listMove('PageUp', 5, 50, 10)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(listMove('a', 0, 5, 3)).toBeNull();
    expect(listMove('ArrowDown', 0, 0, 3)).toBeNull();
  });
});

describe('treeMove', () => {
  const port = makeDevice({ name: '0000:00:01.0' });
  const gpu = makeDevice({ name: '0000:01:00.0', parent: port.id });
  const tree = buildDeviceTree([port, gpu]);
  const open = treeRows(tree, { matches: null, isExpanded: () => true });
  const closed = treeRows(tree, { matches: null, isExpanded: (key) => key !== port.id });

  it('Right opens a closed branch, then steps into it', () => {
    expect(treeMove('ArrowRight', closed, 1, 10)).toEqual({ type: 'expand', key: port.id, expanded: true });
    expect(treeMove('ArrowRight', open, 1, 10)).toEqual({ type: 'focus', index: 2 });
    expect(treeMove('ArrowRight', open, 2, 10)).toBeNull();
  });

  it('Left closes an open branch, else steps out to the parent', () => {
    expect(treeMove('ArrowLeft', open, 1, 10)).toEqual({ type: 'expand', key: port.id, expanded: false });
    expect(treeMove('ArrowLeft', open, 2, 10)).toEqual({ type: 'focus', index: 1 });
    expect(treeMove('ArrowLeft', closed, 0, 10)).toEqual({ type: 'expand', key: 'bus:pci', expanded: false });
  });
});

describe('isMenuKey', () => {
  it('opens a context menu with the Menu key or Shift+F10, not F10 alone', () => {
    expect(isMenuKey({ key: 'ContextMenu', shiftKey: false })).toBe(true);
    expect(isMenuKey({ key: 'F10', shiftKey: true })).toBe(true);
    expect(isMenuKey({ key: 'F10', shiftKey: false })).toBe(false);
    expect(isMenuKey({ key: 'Enter', shiftKey: true })).toBe(false);
  });
});
