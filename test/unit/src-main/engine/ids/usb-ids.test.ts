// usb.ids with usbutils' rules: vendors, products and device classes; the
// other blocks never leak into products.
import { describe, expect, it } from 'vitest';
import { openIdDatabase } from '../../../../../src-main/engine/ids/id-database';
import { parseUsbIds, usbNames } from '../../../../../src-main/engine/ids/usb-ids';

const IDS = [
  '# usb.ids',
  '046d  Logitech, Inc.',
  '\tc31c  Keyboard K120',
  '\t\t00  An interface line, not a product',
  '1d6b  Linux Foundation',
  '\t0002  2.0 root hub',
  // Another block right after a vendor: its nested lines must not become that vendor's products.
  'HUT 01  Generic Desktop Controls',
  '\t0003  Not a product of the Linux Foundation',
  'L 0436  Afrikaans',
  '\t0004  Not a product either',
  'C 03  Human Interface Device',
  '\t01  Boot Interface Subclass',
  'C 09  Hub',
].join('\n');

describe('usb.ids', () => {
  const table = parseUsbIds(IDS);

  it('names vendor, product and class', () => {
    expect(usbNames(table, { vendor: 0x046d, product: 0xc31c, classCode: 0x03 })).toEqual({
      vendor: 'Logitech, Inc.', device: 'Keyboard K120', subsystemVendor: null, subsystemDevice: null,
      class: 'Human Interface Device', progIf: null,
    });
  });

  it('does not take lines of other blocks for products', () => {
    for (const product of [0x0003, 0x0004]) {
      expect(usbNames(table, { vendor: 0x1d6b, product, classCode: null }).device).toBeNull();
    }
    expect(usbNames(table, { vendor: 0x1d6b, product: 0x0002, classCode: null })).toMatchObject({ device: '2.0 root hub', class: null });
    expect(table.products.size).toBe(2);
  });

  it('names devices from the system usb.ids', () => {
    const ids = openIdDatabase();
    expect(ids.sources.usb).not.toBeNull();
    expect(ids.usb({ vendor: 0x1d6b, product: 0x0003, classCode: 0x09 })).toMatchObject({
      vendor: 'Linux Foundation', device: '3.0 root hub', class: 'Hub',
    });
  });
});
