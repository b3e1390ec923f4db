// The fixed order of everything in a snapshot, so two scans of the same tree
// are identical and lists read the way people count: `virtio2` before
// `virtio10`, PCI devices by domain, bus, slot and function like lspci.

export interface PciAddress {
  readonly domain: number;
  readonly bus: number;
  readonly slot: number;
  readonly fn: number;
}

// Domains can be wider than 4 hex digits (Intel VMD starts at 0x10000).
const PCI_ADDRESS = /^([0-9a-f]{4,8}):([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])$/;

export function parsePciAddress(name: string): PciAddress | null {
  const m = PCI_ADDRESS.exec(name);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return null;
  return { domain: parseInt(m[1], 16), bus: parseInt(m[2], 16), slot: parseInt(m[3], 16), fn: Number(m[4]) };
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const CHUNKS = /\d+|\D+/g;

/** Natural order: digit runs compare as numbers (of any length), the rest by code point. */
export function compareNatural(a: string, b: string): number {
  const xs = a.match(CHUNKS) ?? [];
  const ys = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i += 1) {
    const x = xs[i] ?? '';
    const y = ys[i] ?? '';
    if (x === y) continue;
    const xDigits = /^\d/.test(x);
    const yDigits = /^\d/.test(y);
    if (xDigits && yDigits) {
      const xn = x.replace(/^0+(?=\d)/, '');
      const yn = y.replace(/^0+(?=\d)/, '');
      const numeric = xn.length - yn.length || byCodePoint(xn, yn);
      if (numeric !== 0) return numeric;
    }
    return byCodePoint(x, y);
  }
  return xs.length - ys.length || byCodePoint(a, b);
}

function comparePci(a: PciAddress, b: PciAddress): number {
  return a.domain - b.domain || a.bus - b.bus || a.slot - b.slot || a.fn - b.fn;
}

/**
 * Orders device names within one bus. PCI addresses compare numerically; a
 * name that is not an address (never on a real kernel) sorts after them.
 */
export function deviceNameOrder(bus: string): (a: string, b: string) => number {
  if (bus !== 'pci') return compareNatural;
  const parsed = new Map<string, PciAddress | null>();
  const address = (name: string): PciAddress | null => {
    let value = parsed.get(name);
    if (value === undefined) {
      value = parsePciAddress(name);
      parsed.set(name, value);
    }
    return value;
  };
  return (a, b) => {
    const x = address(a);
    const y = address(b);
    if (x && y) return comparePci(x, y) || byCodePoint(a, b);
    if (x || y) return x ? -1 : 1;
    return compareNatural(a, b);
  };
}

/** Sorts items by bus name, then by name in that bus's order. */
export function sortByBusAndName<T extends { readonly bus: string; readonly name: string }>(items: readonly T[]): T[] {
  const orders = new Map<string, (a: string, b: string) => number>();
  const orderOf = (bus: string): ((a: string, b: string) => number) => {
    let order = orders.get(bus);
    if (!order) {
      order = deviceNameOrder(bus);
      orders.set(bus, order);
    }
    return order;
  };
  return [...items].sort((a, b) => compareNatural(a.bus, b.bus) || orderOf(a.bus)(a.name, b.name));
}
