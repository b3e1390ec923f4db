// pci.ids read the way pciutils reads it (lib/names-parse.c) and named the way
// lspci names it (lib/names.c), so Bindery shows the same names as `lspci`
// given the same file.
import type { DeviceNames } from '../../../src-shared/model';

export interface PciIdQuery {
  readonly vendor: number;
  readonly device: number;
  readonly subsystemVendor: number;
  readonly subsystemDevice: number;
  /** The 24-bit class code as sysfs `class` shows it: base, subclass, prog-if. */
  readonly classCode: number;
}

export interface PciIdTable {
  readonly vendors: ReadonlyMap<number, string>;
  /** Key: vendor, device. */
  readonly devices: ReadonlyMap<string, string>;
  /** Key: vendor, device, subsystem vendor, subsystem device. */
  readonly subsystems: ReadonlyMap<string, string>;
  /** `S` blocks: subsystem names that hold for any device. Key: subsystem vendor, subsystem device. */
  readonly genericSubsystems: ReadonlyMap<string, string>;
  readonly classes: ReadonlyMap<number, string>;
  /** Key: class, subclass. */
  readonly subclasses: ReadonlyMap<string, string>;
  /** Key: class, subclass, prog-if. */
  readonly progIfs: ReadonlyMap<string, string>;
}

type Category = 'vendor' | 'device' | 'subsystem' | 'genericSubsystem' | 'class' | 'subclass' | 'progIf' | 'unknown';

const key = (...ids: number[]): string => ids.join(':');

/** Exactly `digits` hex digits at `at`, else null (pciutils' id_hex). */
function hexAt(line: string, at: number, digits: number): number | null {
  const text = line.slice(at, at + digits);
  return text.length === digits && /^[0-9a-fA-F]+$/.test(text) ? parseInt(text, 16) : null;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** The name after an id: leading blanks skipped; null when empty (a parse error for pciutils). */
function nameAt(line: string, at: number): string | null {
  if (!isBlank(line[at])) return null;
  const name = line.slice(at).replace(/^[ \t]+/, '');
  return name === '' ? null : name;
}

/** First entry wins: pciutils refuses duplicates, and the first is what it had. */
function put<K>(map: Map<K, string>, k: K, name: string | null): void {
  if (name !== null && !map.has(k)) map.set(k, name);
}

/**
 * Parse pci.ids. Lines pciutils would reject are skipped rather than failing
 * the whole file: a damaged database should cost names, not the scan.
 */
export function parsePciIds(text: string): PciIdTable {
  const t = {
    vendors: new Map<number, string>(),
    devices: new Map<string, string>(),
    subsystems: new Map<string, string>(),
    genericSubsystems: new Map<string, string>(),
    classes: new Map<number, string>(),
    subclasses: new Map<string, string>(),
    progIfs: new Map<string, string>(),
  };
  let cat: Category = 'unknown';
  let id1 = 0;
  let id2 = 0;
  for (const raw of text.split('\n')) {
    let line = raw.split('\r', 1)[0] ?? '';
    // pciutils drops exactly one trailing blank, so names keep any others.
    if (isBlank(line[line.length - 1])) line = line.slice(0, -1);
    const content = line.replace(/^[ \t]+/, '');
    if (content === '' || content.startsWith('#')) continue;
    const nest = line.length - line.replace(/^\t+/, '').length;
    const p = line.slice(nest);

    if (nest === 0) {
      // A broken block header makes its nested lines meaningless: skip them too.
      cat = 'unknown';
      if (p.startsWith('C ')) {
        const cls = hexAt(p, 2, 2);
        const name = nameAt(p, 4);
        if (cls === null || name === null) continue;
        cat = 'class';
        id1 = cls;
        put(t.classes, cls, name);
      } else if (p.startsWith('S ')) {
        const vendor = hexAt(p, 2, 4);
        if (vendor === null || p.length !== 6 || !t.vendors.has(vendor)) continue;
        cat = 'genericSubsystem';
        id1 = vendor;
      } else if (!/^[A-Z] /.test(p)) {
        const vendor = hexAt(p, 0, 4);
        const name = nameAt(p, 4);
        if (vendor === null || name === null) continue;
        cat = 'vendor';
        id1 = vendor;
        put(t.vendors, vendor, name);
      }
      continue;
    }
    if (cat === 'unknown') continue;

    if (nest === 1) {
      if (cat === 'vendor' || cat === 'device' || cat === 'subsystem') {
        const device = hexAt(p, 0, 4);
        if (device === null) continue;
        cat = 'device';
        id2 = device;
        put(t.devices, key(id1, device), nameAt(p, 4));
      } else if (cat === 'genericSubsystem') {
        const subsystem = hexAt(p, 0, 4);
        if (subsystem !== null) put(t.genericSubsystems, key(id1, subsystem), nameAt(p, 4));
      } else {
        const subclass = hexAt(p, 0, 2);
        if (subclass === null) continue;
        cat = 'subclass';
        id2 = subclass;
        put(t.subclasses, key(id1, subclass), nameAt(p, 2));
      }
    } else if (nest === 2) {
      if (cat === 'device' || cat === 'subsystem') {
        const sv = hexAt(p, 0, 4);
        const sd = hexAt(p, 5, 4);
        if (sv === null || sd === null || !isBlank(p[4])) continue;
        cat = 'subsystem';
        put(t.subsystems, key(id1, id2, sv, sd), nameAt(p, 9));
      } else if (cat === 'subclass' || cat === 'progIf') {
        const progIf = hexAt(p, 0, 2);
        if (progIf === null) continue;
        cat = 'progIf';
        put(t.progIfs, key(id1, id2, progIf), nameAt(p, 2));
      }
    }
  }
  return t;
}

/** lspci's subsystem name: per device, then generic, then the device itself when the IDs repeat. */
function subsystemName(t: PciIdTable, q: PciIdQuery): string | null {
  const perDevice = q.vendor > 0 && q.device > 0
    ? t.subsystems.get(key(q.vendor, q.device, q.subsystemVendor, q.subsystemDevice))
    : undefined;
  const name = perDevice ?? t.genericSubsystems.get(key(q.subsystemVendor, q.subsystemDevice));
  if (name !== undefined) return name;
  if (q.vendor === q.subsystemVendor && q.device === q.subsystemDevice) {
    return t.devices.get(key(q.vendor, q.device)) ?? null;
  }
  return null;
}

/** IDE controllers: lspci spells out prog-if bits the database does not list. */
function ideProgIf(progIf: number): string | null {
  if (progIf & 0x70) return null;
  const bits: [number, string][] = [[0x80, 'Master'], [0x08, 'SecP'], [0x04, 'SecO'], [0x02, 'PriP'], [0x01, 'PriO']];
  const words = bits.filter(([bit]) => progIf & bit).map(([, word]) => word);
  return words.length > 0 ? words.join(' ') : null;
}

export function pciNames(t: PciIdTable, q: PciIdQuery): DeviceNames {
  const base = (q.classCode >> 16) & 0xff;
  const sub = (q.classCode >> 8) & 0xff;
  const progIf = q.classCode & 0xff;
  // lspci shows no subsystem at all for 0000 and ffff (no subsystem / not readable).
  const hasSubsystem = q.subsystemVendor !== 0 && q.subsystemVendor !== 0xffff;
  const progIfName = t.progIfs.get(key(base, sub, progIf))
    ?? (base === 0x01 && sub === 0x01 ? ideProgIf(progIf) : null);
  return {
    vendor: t.vendors.get(q.vendor) ?? null,
    device: t.devices.get(key(q.vendor, q.device)) ?? null,
    subsystemVendor: hasSubsystem ? t.vendors.get(q.subsystemVendor) ?? null : null,
    subsystemDevice: hasSubsystem ? subsystemName(t, q) : null,
    class: t.subclasses.get(key(base, sub)) ?? t.classes.get(base) ?? null,
    progIf: progIfName,
  };
}
