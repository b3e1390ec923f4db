// The orders people read lists in: natural for names, numeric for PCI.
import { describe, expect, it } from 'vitest';
import { compareNatural, parsePciAddress, sortByBusAndName } from '../../../../../src-main/engine/sysfs/order';

describe('order', () => {
  it('sorts names with numbers the way people count', () => {
    const names = ['virtio10', 'virtio2', 'usb2', 'virtio1', '1-1.10', '1-1.2', '1-1:1.0', 'card0', 'card0-HDMI-A-1', 'renderD128'];
    expect([...names].sort(compareNatural)).toEqual([
      '1-1.2', '1-1.10', '1-1:1.0', 'card0', 'card0-HDMI-A-1', 'renderD128', 'usb2', 'virtio1', 'virtio2', 'virtio10',
    ]);
  });

  it('compares numbers longer than a double can hold, and never calls two names equal', () => {
    expect(compareNatural('id123456789012345678901', 'id123456789012345678900')).toBeGreaterThan(0);
    expect(compareNatural('a007', 'a7')).not.toBe(0);
  });

  it('parses PCI addresses with wide domains, and nothing else', () => {
    expect(parsePciAddress('10000:e1:00.0')).toEqual({ domain: 0x10000, bus: 0xe1, slot: 0, fn: 0 });
    expect(parsePciAddress('0000:00:1f.7')).toEqual({ domain: 0, bus: 0, slot: 0x1f, fn: 7 });
    expect(parsePciAddress('0000:00:1f.8')).toBeNull();
    expect(parsePciAddress('pci0000:00')).toBeNull();
  });

  it('sorts by bus, then PCI devices by domain, bus, slot and function', () => {
    const items = [
      { bus: 'usb', name: 'usb1' }, { bus: 'pci', name: '10000:e1:00.0' }, { bus: 'pci', name: '0000:00:1f.0' },
      { bus: 'pci', name: '0000:00:02.0' }, { bus: 'auxiliary', name: 'mlx5_core.eth.0' }, { bus: 'pci', name: 'odd' },
    ];
    expect(sortByBusAndName(items).map((i) => `${i.bus}/${i.name}`)).toEqual([
      'auxiliary/mlx5_core.eth.0', 'pci/0000:00:02.0', 'pci/0000:00:1f.0', 'pci/10000:e1:00.0', 'pci/odd', 'usb/usb1',
    ]);
  });
});
