// One ordering for names people read: numbers inside names compare as numbers,
// so `memory9` comes before `memory10`, as the snapshot's natural order does.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Nulls sort after every value, whatever the direction. */
export function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return naturalCompare(a, b);
}
