// Device names from the system's hwdata. Both files are large (pci.ids is
// over a megabyte), so they are found when opened but parsed only on the first
// lookup. A missing or unreadable file costs names, never an error.
import fs from 'node:fs';
import path from 'node:path';
import type { DeviceNames } from '../../../src-shared/model';
import { type PciIdQuery, type PciIdTable, parsePciIds, pciNames } from './pci-ids';
import { type UsbIdQuery, type UsbIdTable, parseUsbIds, usbNames } from './usb-ids';

export type { PciIdQuery } from './pci-ids';
export type { UsbIdQuery } from './usb-ids';

export interface IdDatabase {
  /** The files in use; null = not found (the UI then shows IDs only). */
  readonly sources: { readonly pci: string | null; readonly usb: string | null };
  pci(ids: PciIdQuery): DeviceNames;
  usb(ids: UsbIdQuery): DeviceNames;
}

/** Where Debian (hwdata) and older systems (pciutils/usbutils) keep the files. */
export const DEFAULT_ID_DIRS: readonly string[] = ['/usr/share/hwdata', '/usr/share/misc'];

export const NO_NAMES: DeviceNames = {
  vendor: null,
  device: null,
  subsystemVendor: null,
  subsystemDevice: null,
  class: null,
  progIf: null,
};

function findFile(dirs: readonly string[], name: string): string | null {
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // Not in this directory; try the next.
    }
  }
  return null;
}

/** Parses `file` on first use; null when there is no file or it cannot be read. */
function lazyTable<T>(file: string | null, parse: (text: string) => T): () => T | null {
  let table: T | null | undefined;
  return () => {
    if (table === undefined) {
      try {
        table = file === null ? null : parse(fs.readFileSync(file, 'utf8'));
      } catch {
        table = null;
      }
    }
    return table;
  };
}

/** Default dirs: /usr/share/hwdata then /usr/share/misc. Files are parsed lazily on first lookup, then cached. */
export function openIdDatabase(dirs: readonly string[] = DEFAULT_ID_DIRS): IdDatabase {
  const sources = { pci: findFile(dirs, 'pci.ids'), usb: findFile(dirs, 'usb.ids') };
  const pciTable = lazyTable<PciIdTable>(sources.pci, parsePciIds);
  const usbTable = lazyTable<UsbIdTable>(sources.usb, parseUsbIds);
  return {
    sources,
    pci(ids) {
      const table = pciTable();
      return table ? pciNames(table, ids) : NO_NAMES;
    },
    usb(ids) {
      const table = usbTable();
      return table ? usbNames(table, ids) : NO_NAMES;
    },
  };
}
