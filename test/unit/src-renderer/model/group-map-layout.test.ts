import { describe, expect, it } from 'vitest';
import { TILE, layoutGroupMap } from '../../../../src-renderer/model/group-map-layout';

describe('layoutGroupMap', () => {
  it('makes a group with more members a wider tile', () => {
    const { tiles } = layoutGroupMap([1, 3], 500);
    expect(tiles[1]?.width).toBeGreaterThan(tiles[0]?.width ?? Infinity);
  });

  it('wraps to a new row when the next tile does not fit', () => {
    const one = TILE.padding * 2 + TILE.cell;
    const { tiles, height } = layoutGroupMap([1, 1, 1], one * 2 + TILE.gap);
    expect(tiles.map((t) => t.y)).toEqual([0, 0, TILE.height + TILE.gap]);
    expect(height).toBe(2 * TILE.height + TILE.gap);
  });

  it('keeps a group wider than the map inside it', () => {
    const { tiles } = layoutGroupMap([200], 100);
    expect(tiles[0]?.width).toBe(100);
  });

  it('has no height without groups', () => {
    expect(layoutGroupMap([], 300)).toEqual({ tiles: [], height: 0 });
  });
});
