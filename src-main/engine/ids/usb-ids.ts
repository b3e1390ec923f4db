// usb.ids read the way usbutils reads it (names.c): vendors with their
// products, and `C` blocks with device/interface class names. The other
// blocks (AT, HID, R, BIAS, PHY, HUT, L, HCC, VT) name other things and are
// skipped, nested lines included, so none of them is taken for a product.
import type { DeviceNames } from '../../../src-shared/model';

export interface UsbIdQuery {
  readonly vendor: number;
  readonly product: number;
  /** `bDeviceClass` of a device or `bInterfaceClass` of an interface. */
  readonly classCode: number | null;
}

export interface UsbIdTable {
  readonly vendors: ReadonlyMap<number, string>;
  /** Key: vendor, product. */
  readonly products: ReadonlyMap<string, string>;
  readonly classes: ReadonlyMap<number, string>;
}

const key = (vendor: number, product: number): string => `${vendor}:${product}`;

/** `<hex id><blanks><name>` (usbutils: strtoul, then skip blanks; empty names rejected). */
function entry(text: string, digits: number): { id: number; name: string } | null {
  const match = new RegExp(`^([0-9a-fA-F]{${digits}})\\s+(\\S.*)$`).exec(text);
  return match?.[1] === undefined || match[2] === undefined ? null : { id: parseInt(match[1], 16), name: match[2] };
}

export function parseUsbIds(text: string): UsbIdTable {
  const vendors = new Map<number, string>();
  const products = new Map<string, string>();
  const classes = new Map<number, string>();
  let block: 'vendor' | 'class' | 'other' = 'other';
  let vendor = 0;
  for (const raw of text.split('\n')) {
    const line = raw.split('\r', 1)[0] ?? '';
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('\t')) {
      // Products under a vendor; subclasses and protocols are not part of DeviceNames.
      const product = block === 'vendor' && !line.startsWith('\t\t') ? entry(line.slice(1), 4) : null;
      if (product && !products.has(key(vendor, product.id))) products.set(key(vendor, product.id), product.name);
      continue;
    }
    const cls = line.startsWith('C ') ? entry(line.slice(2), 2) : null;
    const ven = cls ? null : entry(line, 4);
    if (cls) {
      block = 'class';
      if (!classes.has(cls.id)) classes.set(cls.id, cls.name);
    } else if (ven) {
      block = 'vendor';
      vendor = ven.id;
      if (!vendors.has(ven.id)) vendors.set(ven.id, ven.name);
    } else {
      block = 'other';
    }
  }
  return { vendors, products, classes };
}

export function usbNames(t: UsbIdTable, q: UsbIdQuery): DeviceNames {
  return {
    vendor: t.vendors.get(q.vendor) ?? null,
    device: t.products.get(key(q.vendor, q.product)) ?? null,
    subsystemVendor: null,
    subsystemDevice: null,
    class: q.classCode === null ? null : t.classes.get(q.classCode) ?? null,
    progIf: null,
  };
}
