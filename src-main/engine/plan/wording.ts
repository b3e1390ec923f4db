// How plans name things for people: devices by their hwdata names (else
// their IDs), lists in plain English, and what a companion function is.
import type { Device } from '../../../src-shared/model';

const CORPORATE = /,?\s+(?:Inc\.?|Corporation|Corp\.?|Co\.?,?\s*Ltd\.?|Ltd\.?|LLC|GmbH|AG|Limited|and subsidiaries)$/i;

/** `NVIDIA Corporation` -> `NVIDIA`, `Advanced Micro Devices, Inc. [AMD/ATI]` -> `AMD/ATI`. */
export function shortVendor(vendor: string): string {
  const bracket = /\[([^\]]+)\]\s*$/.exec(vendor)?.[1];
  if (bracket) return bracket;
  let name = vendor.trim();
  for (let shorter = name.replace(CORPORATE, ''); shorter !== name; shorter = name.replace(CORPORATE, '')) name = shorter;
  return name;
}

function hexId(value: string): string {
  return value.replace(/^0x/, '');
}

/** "AMD/ATI Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]"; IDs where hwdata has no names. */
export function deviceLabel(device: Device): string {
  const { vendor, device: product, class: kind } = device.names;
  if (vendor !== null && product !== null) return `${shortVendor(vendor)} ${product}`;
  if (device.pci) {
    const ids = `${hexId(device.pci.vendor)}:${hexId(device.pci.device)}`;
    return `${product ?? kind ?? 'PCI device'} [${ids}]`;
  }
  if (device.usb) return device.usb.productName ?? `USB device ${device.usb.vendor}:${device.usb.product}`;
  return `${device.bus} device ${device.name}`;
}

/** What people call the product: the marketing name in brackets if hwdata has one. */
function productName(device: Device): string {
  const product = device.names.device;
  if (product === null) return deviceLabel(device);
  return /\[([^\]]+)\]\s*$/.exec(product)?.[1] ?? product;
}

/** "0000:05:00.0 (Radeon RX 6800/6800 XT / 6900 XT)". */
export function named(device: Device): string {
  return `${device.name} (${productName(device)})`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A listing that stops after `max` items: "a, b, c and 4 more". */
export function shortListing(items: readonly string[], max = 6): string {
  if (items.length <= max) return listing(items);
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The PCI base class and subclass: `0x040300` -> `0403`. */
export function pciClass(device: Device): string | null {
  const value = device.pci?.class;
  return value ? value.replace(/^0x/, '').slice(0, 4).toLowerCase() : null;
}

const FUNCTION_NOUNS: Readonly<Record<string, string>> = {
  '0403': 'audio function',
  '0c03': 'USB controller',
  '0c80': 'serial bus function',
  '0200': 'network function',
  '0300': 'display function',
  '0302': 'display function',
  '0380': 'display function',
};

/** How to call another function of a card: "audio function", else "function 0000:05:00.2". */
export function functionNoun(device: Device): string {
  const noun = FUNCTION_NOUNS[pciClass(device) ?? ''];
  return noun ?? `function ${device.name}`;
}
