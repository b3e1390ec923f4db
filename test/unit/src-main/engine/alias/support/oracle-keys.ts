// Modaliases for the kmod oracle, built from the system's hwdata (pci.ids,
// usb.ids): real vendor/device and subsystem entries, with class codes spread
// over every class pci.ids lists so class-based aliases (nvme, ahci, xhci_pci,
// snd_hda_intel, ...) are exercised. Deterministic: a fixed seed picks them.
import fs from 'node:fs';

export function hwdataFile(name: 'pci.ids' | 'usb.ids'): string {
  for (const dir of ['/usr/share/hwdata', '/usr/share/misc']) {
    const file = `${dir}/${name}`;
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${name} not found: install the Debian package hwdata (apt-get install -y hwdata).`);
}

/** mulberry32: small, fast, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface IdsFile {
  /** `vvvvdddd` (lowercase) of every device entry. */
  readonly devices: string[];
  /** `vvvvddddssssssss`: device plus subvendor and subdevice. */
  readonly subsystems: string[];
  /** `ccssii` of every class, subclass and programming interface. */
  readonly classes: string[];
}

/** pci.ids and usb.ids share a layout: vendors, tab-indented devices and subsystems, then `C` classes. */
export function parseIds(text: string): IdsFile {
  const devices: string[] = [];
  const subsystems: string[] = [];
  const classes = new Set<string>();
  let vendor: string | null = null;
  let device: string | null = null;
  let cls: string | null = null;
  let sub: string | null = null;
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = /^C ([0-9a-f]{2}) /.exec(line))) {
      cls = m[1] ?? null;
      vendor = null;
      sub = null;
      classes.add(`${cls}0000`);
    } else if (/^[A-Z]+ /.test(line)) {
      // usb.ids' other lists (HID, HUT, languages, ...) end the vendors and classes.
      cls = null;
      vendor = null;
    } else if ((m = /^([0-9a-f]{4}) {2}/.exec(line))) {
      vendor = m[1] ?? null;
      cls = null;
    } else if (cls && (m = /^\t([0-9a-f]{2}) {2}/.exec(line))) {
      sub = m[1] ?? null;
      classes.add(`${cls}${sub}00`);
    } else if (cls && sub && (m = /^\t\t([0-9a-f]{2}) {2}/.exec(line))) {
      classes.add(`${cls}${sub}${m[1]}`);
    } else if (vendor && (m = /^\t([0-9a-f]{4}) {2}/.exec(line))) {
      device = m[1] ?? null;
      devices.push(`${vendor}${device}`);
    } else if (vendor && device && (m = /^\t\t([0-9a-f]{4}) ([0-9a-f]{4}) {2}/.exec(line))) {
      subsystems.push(`${vendor}${device}${m[1]}${m[2]}`);
    }
  }
  return { devices, subsystems, classes: [...classes] };
}

const hex = (value: string, width: number): string => value.toUpperCase().padStart(width, '0');

export function pciModalias(id: string, sub: string, cls: string): string {
  return `pci:v${hex(id.slice(0, 4), 8)}d${hex(id.slice(4, 8), 8)}sv${hex(sub.slice(0, 4), 8)}sd${hex(sub.slice(4, 8), 8)}`
    + `bc${hex(cls.slice(0, 2), 2)}sc${hex(cls.slice(2, 4), 2)}i${hex(cls.slice(4, 6), 2)}`;
}

/** `vvvvdddd` of the PCI (or USB) aliases that pin vendor and device: the devices some driver names. */
function aliasedIds(aliasText: string, prefix: 'pci' | 'usb'): Set<string> {
  const re = prefix === 'pci'
    ? /^alias pci:v0000([0-9A-F]{4})d0000([0-9A-F]{4})/gm
    : /^alias usb:v([0-9A-F]{4})p([0-9A-F]{4})/gm;
  return new Set([...aliasText.matchAll(re)].map((m) => `${m[1]}${m[2]}`.toLowerCase()));
}

/**
 * About 2,200 PCI modaliases: half of the devices and subsystems are ones some
 * alias names by ID, the rest are picked at random; classes go round all of
 * pci.ids' classes; subsystem IDs are the device's own, a real subsystem entry
 * of another device, or zero.
 */
export function pciKeys(pciIds: string, aliasText: string, random: () => number): string[] {
  const ids = parseIds(pciIds);
  const named = aliasedIds(aliasText, 'pci');
  const devices = shuffled(ids.devices, random);
  const subsystems = shuffled(ids.subsystems, random);
  const picks = [
    ...devices.filter((d) => named.has(d)).slice(0, 800).map((id) => ({ id, sub: null as string | null })),
    ...devices.filter((d) => !named.has(d)).slice(0, 500).map((id) => ({ id, sub: null as string | null })),
    ...subsystems.filter((s) => named.has(s.slice(0, 8))).slice(0, 600).map((s) => ({ id: s.slice(0, 8), sub: s.slice(8) })),
    ...subsystems.filter((s) => !named.has(s.slice(0, 8))).slice(0, 300).map((s) => ({ id: s.slice(0, 8), sub: s.slice(8) })),
  ];
  const classes = shuffled(ids.classes, random);
  return picks.map(({ id, sub }, i) => {
    const otherSub = (subsystems[i % subsystems.length] ?? '00000000').slice(8);
    const subsystem = sub ?? [id, otherSub, '00000000'][i % 3] ?? id;
    return pciModalias(id, subsystem, classes[i % classes.length] ?? '000000');
  });
}

/** bcdDevice values around the ranges USB aliases use (`d01[0-2]*`, `d013[0-3]`, `d0[1-9]*`, ...). */
const BCD_DEVICES = ['0000', '0001', '0100', '0112', '0120', '0133', '0134', '0200', '0305', '1000', '2120', '9999'];

export function usbModalias(id: string, bcd: string, deviceClass: string, interfaceClass: string, number: string): string {
  return `usb:v${hex(id.slice(0, 4), 4)}p${hex(id.slice(4, 8), 4)}d${bcd}dc${hex(deviceClass.slice(0, 2), 2)}`
    + `dsc${hex(deviceClass.slice(2, 4), 2)}dp${hex(deviceClass.slice(4, 6), 2)}ic${hex(interfaceClass.slice(0, 2), 2)}`
    + `isc${hex(interfaceClass.slice(2, 4), 2)}ip${hex(interfaceClass.slice(4, 6), 2)}in${number}`;
}

/**
 * USB interface modaliases: usb.ids products some alias names (every one with
 * a bcdDevice range among them) and some others, with usb.ids classes.
 */
export function usbKeys(usbIds: string, aliasText: string, random: () => number): string[] {
  const ids = parseIds(usbIds);
  const named = aliasedIds(aliasText, 'usb');
  const ranged = new Set(
    [...aliasText.matchAll(/^alias usb:v([0-9A-F]{4})p([0-9A-F]{4})d[^*\n]*\[/gm)].map((m) => `${m[1]}${m[2]}`.toLowerCase()),
  );
  const products = shuffled(ids.devices, random);
  const picks = [
    ...[...ranged].flatMap((id) => [id, id, id]),
    ...products.filter((p) => named.has(p) && !ranged.has(p)).slice(0, 250),
    ...products.filter((p) => !named.has(p)).slice(0, 100),
  ];
  const classes = shuffled(ids.classes, random);
  return picks.map((id, i) => {
    const bcd = BCD_DEVICES[Math.floor(random() * BCD_DEVICES.length)] ?? '0000';
    const deviceClass = i % 2 === 0 ? '000000' : (classes[(i * 7) % classes.length] ?? '000000');
    return usbModalias(id, bcd, deviceClass, classes[i % classes.length] ?? '000000', i % 5 === 0 ? '01' : '00');
  });
}

/** virtio device IDs 0 to 0x2f from the usual vendor and two others. */
export function virtioKeys(): string[] {
  const keys: string[] = [];
  for (let device = 0; device < 0x30; device++) {
    for (const vendor of ['1AF4', '8086', '0000']) {
      if (vendor !== '1AF4' && device % 4 !== 1) continue;
      keys.push(`virtio:d${hex(device.toString(16), 8)}v${hex(vendor, 8)}`);
    }
  }
  return keys;
}

/**
 * Keys for the formats Bindery has no fields for, made from the file's own
 * patterns: each wildcard filled in, and some with `-` and `_` swapped so
 * kmod's normalisation is exercised too. Keys that name a module are left out:
 * kmod answers those with the module itself before it looks at any alias.
 */
export function otherKeys(aliasText: string, random: () => number): string[] {
  const lines = [...aliasText.matchAll(/^alias (\S+) (\S+)$/gm)];
  const modules = new Set(lines.map((m) => m[2] ?? ''));
  const patterns = lines.map((m) => m[1] ?? '').filter((p) => !/^(pci|usb|virtio|vfio_pci):/.test(p) && !p.includes('['));
  return shuffled(patterns, random)
    .slice(0, 400)
    .map((pattern, i) => {
      const filled = pattern.replaceAll('*', i % 2 === 0 ? '' : 'X1').replaceAll('?', 'Q');
      if (i % 3 === 0) return filled.replaceAll('_', '-');
      if (i % 3 === 1) return filled.replaceAll('-', '_');
      return filled;
    })
    .filter((key) => !modules.has(key.replaceAll('-', '_')));
}
