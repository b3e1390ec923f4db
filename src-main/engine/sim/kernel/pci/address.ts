// PCI names (kernel-abi.md 3.1): `%04x:%02x:%02x.%d`, domains possibly wider.
import { hex } from '../modalias';

export function pciName(domain: number, bus: number, devfn: number): string {
  return `${hex(domain, 4)}:${hex(bus, 2)}:${hex(devfn >> 3, 2)}.${devfn & 7}`;
}

/** The root bus's device: `pci%04x:%02x`. */
export function rootBusName(domain: number, bus: number): string {
  return `pci${hex(domain, 4)}:${hex(bus, 2)}`;
}

/** A bus as the pci_bus class names it: `%04x:%02x`. */
export function busName(domain: number, bus: number): string {
  return `${hex(domain, 4)}:${hex(bus, 2)}`;
}

const ADDRESS = /^([0-9a-f]{4,}):([0-9a-f]{2}):([0-1][0-9a-f])\.([0-7])$/;

export function parsePciName(name: string): { domain: number; bus: number; devfn: number } | null {
  const m = ADDRESS.exec(name);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return null;
  return { domain: parseInt(m[1], 16), bus: parseInt(m[2], 16), devfn: (parseInt(m[3], 16) << 3) | Number(m[4]) };
}
