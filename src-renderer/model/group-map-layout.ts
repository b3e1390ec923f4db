// Lays out the IOMMU group map: one tile per group, as wide as it has
// members, flowing left to right and wrapping at the available width.
export interface MapTile {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

export interface MapLayout {
  readonly tiles: readonly MapTile[];
  readonly height: number;
}

export const TILE = { height: 16, cell: 8, padding: 4, gap: 4 } as const;

export function layoutGroupMap(memberCounts: readonly number[], width: number): MapLayout {
  const tiles: MapTile[] = [];
  let x = 0;
  let y = 0;
  memberCounts.forEach((count, index) => {
    const tileWidth = Math.min(TILE.padding * 2 + Math.max(count, 1) * TILE.cell, Math.max(width, 1));
    if (x > 0 && x + tileWidth > width) {
      x = 0;
      y += TILE.height + TILE.gap;
    }
    tiles.push({ index, x, y, width: tileWidth });
    x += tileWidth + TILE.gap;
  });
  return { tiles, height: tiles.length ? y + TILE.height : 0 };
}
