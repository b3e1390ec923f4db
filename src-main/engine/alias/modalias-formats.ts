// The modalias formats whose fields Bindery knows (kernel-abi.md 2.1, 2.2):
// the kernel prints each field as fixed-width uppercase hex after a lowercase
// marker, and file2alias writes the same markers with `*` for "any".

export interface FieldSpec {
  /** The marker before the value: `v`, `sd`, `bc`, ... */
  readonly marker: string;
  readonly name: string;
  /** Hex digits the kernel prints. */
  readonly width: number;
  /**
   * What pinning this field is worth in the specificity score: an ID names one
   * product (2), a class names a whole family (1), so a driver written for the
   * device ranks above a class driver.
   */
  readonly weight: 1 | 2;
}

export interface ModaliasFormat {
  /** Before the `:`, as kmod normalises it (`vfio_pci`). */
  readonly prefix: string;
  /** The bus whose drivers this format names. */
  readonly bus: string;
  /** For messages: `PCI`, `USB`, ... */
  readonly label: string;
  /** The kernel's format string. */
  readonly printf: string;
  readonly example: string;
  readonly fields: readonly FieldSpec[];
}

const PCI_FIELDS: readonly FieldSpec[] = [
  { marker: 'v', name: 'vendor', width: 8, weight: 2 },
  { marker: 'd', name: 'device', width: 8, weight: 2 },
  { marker: 'sv', name: 'subvendor', width: 8, weight: 2 },
  { marker: 'sd', name: 'subdevice', width: 8, weight: 2 },
  { marker: 'bc', name: 'baseclass', width: 2, weight: 1 },
  { marker: 'sc', name: 'subclass', width: 2, weight: 1 },
  { marker: 'i', name: 'progif', width: 2, weight: 1 },
];

const PCI_PRINTF = 'v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X';
const PCI_EXAMPLE = 'v00008086d00001572sv00008086sd00000001bc02sc00i00';

export const PCI_FORMAT: ModaliasFormat = {
  prefix: 'pci', bus: 'pci', label: 'PCI', printf: `pci:${PCI_PRINTF}`, example: `pci:${PCI_EXAMPLE}`, fields: PCI_FIELDS,
};

/** The key libvirt and the kernel's VFIO variant drivers use: `vfio_pci:` and the PCI fields. */
export const VFIO_PCI_FORMAT: ModaliasFormat = {
  prefix: 'vfio_pci', bus: 'pci', label: 'VFIO PCI', printf: `vfio_pci:${PCI_PRINTF}`,
  example: `vfio_pci:${PCI_EXAMPLE}`, fields: PCI_FIELDS,
};

const USB_FORMAT: ModaliasFormat = {
  prefix: 'usb',
  bus: 'usb',
  label: 'USB',
  printf: 'usb:v%04Xp%04Xd%04Xdc%02Xdsc%02Xdp%02Xic%02Xisc%02Xip%02Xin%02X',
  example: 'usb:v0BDAp8153d3100dc00dsc00dp00icFFisc00ip00in00',
  fields: [
    { marker: 'v', name: 'vendor', width: 4, weight: 2 },
    { marker: 'p', name: 'product', width: 4, weight: 2 },
    { marker: 'd', name: 'bcdDevice', width: 4, weight: 2 },
    { marker: 'dc', name: 'deviceClass', width: 2, weight: 1 },
    { marker: 'dsc', name: 'deviceSubclass', width: 2, weight: 1 },
    { marker: 'dp', name: 'deviceProtocol', width: 2, weight: 1 },
    { marker: 'ic', name: 'interfaceClass', width: 2, weight: 1 },
    { marker: 'isc', name: 'interfaceSubclass', width: 2, weight: 1 },
    { marker: 'ip', name: 'interfaceProtocol', width: 2, weight: 1 },
    { marker: 'in', name: 'interfaceNumber', width: 2, weight: 1 },
  ],
};

const VIRTIO_FORMAT: ModaliasFormat = {
  prefix: 'virtio',
  bus: 'virtio',
  label: 'virtio',
  printf: 'virtio:d%08Xv%08X',
  example: 'virtio:d00000001v00001AF4',
  fields: [
    { marker: 'd', name: 'device', width: 8, weight: 2 },
    { marker: 'v', name: 'vendor', width: 8, weight: 2 },
  ],
};

const FORMATS: ReadonlyMap<string, ModaliasFormat> = new Map(
  [PCI_FORMAT, VFIO_PCI_FORMAT, USB_FORMAT, VIRTIO_FORMAT].map((format) => [format.prefix, format]),
);

/** The known format of a normalised modalias or pattern, by its prefix. */
export function formatOf(normalized: string): ModaliasFormat | undefined {
  const colon = normalized.indexOf(':');
  return colon < 0 ? undefined : FORMATS.get(normalized.slice(0, colon));
}

/**
 * The raw field values of a modalias or pattern (without its `prefix:`), or
 * null when it does not have the format's markers in order. A value runs to
 * the next lowercase letter, the start of the next marker; a `[...]` class
 * counts as part of the value.
 */
export function splitFields(format: ModaliasFormat, body: string): string[] | null {
  const values: string[] = [];
  let pos = 0;
  for (const field of format.fields) {
    if (!body.startsWith(field.marker, pos)) return null;
    pos += field.marker.length;
    const start = pos;
    while (pos < body.length && !isLowerLetter(body[pos] as string)) {
      if (body[pos] === '[') {
        const close = body.indexOf(']', pos + 1);
        if (close < 0) return null;
        pos = close + 1;
      } else {
        pos += 1;
      }
    }
    values.push(body.slice(start, pos));
  }
  return pos === body.length ? values : null;
}

function isLowerLetter(c: string): boolean {
  return c >= 'a' && c <= 'z';
}

export function isHex(value: string, width: number): boolean {
  return value.length === width && /^[0-9A-F]+$/.test(value);
}
