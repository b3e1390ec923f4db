// Scores and reasons of real Debian 6.12 aliases: what a person reads next to each candidate.
import { describe, expect, it } from 'vitest';
import { specificityOf } from '../../../../../src-main/engine/alias/specificity';

describe('specificityOf', () => {
  it.each([
    ['pci:v00008086d00001572sv*sd*bc*sc*i*', 4, ['vendor', 'device'],
      'Matches vendor 8086 and device 1572 exactly; any subsystem or class.'],
    ['pci:v*d*sv*sd*bc01sc08i02*', 3, ['baseclass', 'subclass', 'progif'],
      'Matches any device of class 01:08:02 (any vendor).'],
    ['pci:v*d*sv*sd*bc08sc05i*', 2, ['baseclass', 'subclass'],
      'Matches any device of class 08:05 (any vendor).'],
    ['pci:v000010DEd*sv*sd*bc03sc*i*', 3, ['vendor', 'baseclass'],
      'Matches vendor 10de and class 03 exactly; any device ID or subsystem.'],
    ['pci:v00001002d*sv*sd*bc04sc03i00*', 5, ['vendor', 'baseclass', 'subclass', 'progif'],
      'Matches vendor 1002 and class 04:03:00 exactly; any device ID or subsystem.'],
    ['pci:v00008086d0000423Asv*sd00001021bc*sc*i*', 6, ['vendor', 'device', 'subdevice'],
      'Matches vendor 8086, device 423a and subdevice 1021 exactly; any subvendor or class.'],
    ['pci:v*d00008139sv000013D1sd0000AB06bc*sc*i*', 6, ['device', 'subvendor', 'subdevice'],
      'Matches device 8139 and subsystem 13d1:ab06 exactly; any vendor or class.'],
    ['vfio_pci:v*d*sv*sd*bc*sc*i*', 0, [], 'Matches any PCI device.'],
    ['vfio_pci:v000015B3d0000101Esv*sd*bc*sc*i*', 4, ['vendor', 'device'],
      'Matches vendor 15b3 and device 101e exactly; any subsystem or class.'],
    ['usb:v13FDp3940d0[0-2]*dc*dsc*dp*ic*isc*ip*in*', 4, ['vendor', 'product'],
      'Matches vendor 13fd and product 3940 exactly, bcdDevice 0[0-2]* by pattern; any other field.'],
    ['usb:v125FpA94Ad0160dc*dsc*dp*ic*isc*ip*in*', 6, ['vendor', 'product', 'bcdDevice'],
      'Matches vendor 125f, product a94a and bcdDevice 0160 exactly; any other field.'],
    ['usb:v*p*d*dc*dsc*dp*ic08isc06ip50in*', 3, ['interfaceClass', 'interfaceSubclass', 'interfaceProtocol'],
      'Matches any device with interface class 08:06:50 (any vendor).'],
    ['usb:v0BDAp8153d*dc*dsc*dp*ic02isc06ip00in*', 7,
      ['vendor', 'product', 'interfaceClass', 'interfaceSubclass', 'interfaceProtocol'],
      'Matches vendor 0bda, product 8153 and interface class 02:06:00 exactly; any other field.'],
    ['virtio:d00000001v*', 2, ['device'], 'Matches virtio device ID 0001 exactly; any vendor.'],
  ])('%s scores %i', (pattern, score, pinned, reason) => {
    expect(specificityOf(pattern)).toEqual({ score, pinned, reason });
  });

  it('gives a name without wildcards score 1, quoted as the file spells it', () => {
    expect(specificityOf('platform:cs42l43_pinctrl', 'platform:cs42l43-pinctrl')).toEqual({
      score: 1, pinned: ['name'], reason: 'Matches the name platform:cs42l43-pinctrl exactly.',
    });
  });

  it('gives a glob without known fields score 0', () => {
    expect(specificityOf('acpi*:INTC1085:*')).toEqual({
      score: 0, pinned: [], reason: 'Matches the glob pattern acpi*:INTC1085:*, which has no fields to compare.',
    });
  });

  it('ranks a driver written for the device above a driver for its whole class', () => {
    expect(specificityOf('pci:v00001912d00000014sv*sd*bc*sc*i*').score)
      .toBeGreaterThan(specificityOf('pci:v*d*sv*sd*bc0Csc03i30*').score);
  });

  it('ranks a pattern that does not fit its format as unstructured', () => {
    expect(specificityOf('pci:v00008086*')).toMatchObject({ score: 0, pinned: [] });
  });
});
