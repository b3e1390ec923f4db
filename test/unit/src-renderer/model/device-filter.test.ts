import { describe, expect, it } from 'vitest';
import { filterDevices, parseQuery, searchIndex } from '../../../../src-renderer/model/device-filter';
import { makeDevice, pciInfo } from './make-device';

const nic = makeDevice({
  name: '0000:03:00.0',
  driver: 'e1000e',
  driverModule: 'e1000e',
  iommuGroup: 14,
  classDevices: [{ subsystem: 'net', name: 'enp3s0' }],
  names: { vendor: 'Intel Corporation', device: '82574L Gigabit Network Connection', class: 'Ethernet controller' },
});
const nvme = makeDevice({
  name: '0000:04:00.0',
  driver: 'nvme',
  driverModule: 'nvme',
  iommuGroup: 15,
  classDevices: [{ subsystem: 'nvme', name: 'nvme0' }, { subsystem: 'block', name: 'nvme0n1' }],
  pci: pciInfo({ vendor: '0x144d', device: '0xa808', class: '0x010802' }),
  names: { vendor: 'Samsung Electronics Co Ltd', device: 'NVMe SSD Controller SM981/PM981/PM983', class: 'Non-Volatile memory controller', progIf: 'NVM Express' },
});
const gpu = makeDevice({
  name: '0000:01:00.0',
  driver: 'vfio-pci',
  driverModule: 'vfio_pci',
  driverOverride: 'vfio-pci',
  iommuGroup: 1,
  pci: pciInfo({ vendor: '0x10de', device: '0x2206', class: '0x030000' }),
  names: { vendor: 'NVIDIA Corporation', device: 'GA102 [GeForce RTX 3080]', class: 'VGA compatible controller' },
});
const unbound = makeDevice({ name: '0000:01:00.1', iommuGroup: 1, names: { vendor: 'NVIDIA Corporation', device: 'GA102 High Definition Audio Controller', class: 'Audio device' } });
const mouse = makeDevice({ bus: 'usb', name: '1-2', driver: 'usb' });
const devices = [gpu, unbound, nic, nvme, mouse];
const index = searchIndex(devices);

const names = (query: string) => {
  const matched = filterDevices(devices, index, query);
  return matched ? devices.filter((d) => matched.has(d.id)).map((d) => d.name) : null;
};

describe('filterDevices', () => {
  it('matches nothing away when the query is empty or blank', () => {
    expect(names('')).toBeNull();
    expect(names('   ')).toBeNull();
  });

  it('finds a device by its vendor or device name, ignoring case', () => {
    expect(names('geforce')).toEqual(['0000:01:00.0']);
    expect(names('SAMSUNG')).toEqual(['0000:04:00.0']);
  });

  it('finds a device by its full or short PCI address', () => {
    expect(names('0000:03:00.0')).toEqual(['0000:03:00.0']);
    expect(names('04:00')).toEqual(['0000:04:00.0']);
  });

  it('finds devices by the driver or module bound to them', () => {
    expect(names('e1000e')).toEqual(['0000:03:00.0']);
    expect(names('vfio_pci')).toEqual(['0000:01:00.0']);
  });

  it('finds devices by class name and class code', () => {
    expect(names('ethernet')).toEqual(['0000:03:00.0']);
    expect(names('nvm express')).toEqual(['0000:04:00.0']);
    expect(names('class:0300')).toEqual(['0000:01:00.0']);
  });

  it('finds a device by the class devices people call it by', () => {
    expect(names('enp3s0')).toEqual(['0000:03:00.0']);
    expect(names('nvme0n1')).toEqual(['0000:04:00.0']);
  });

  it('finds a device by its vendor:device IDs', () => {
    expect(names('10de:2206')).toEqual(['0000:01:00.0']);
  });

  it('needs every word to match', () => {
    expect(names('nvidia audio')).toEqual(['0000:01:00.1']);
    expect(names('nvidia ethernet')).toEqual([]);
  });

  it('pins a word to a field with driver:, bus:, group: and vendor:', () => {
    expect(names('driver:none')).toEqual(['0000:01:00.1']);
    expect(names('driver:nvme')).toEqual(['0000:04:00.0']);
    expect(names('bus:usb')).toEqual(['1-2']);
    expect(names('group:1')).toEqual(['0000:01:00.0', '0000:01:00.1']);
    expect(names('vendor:144d')).toEqual(['0000:04:00.0']);
  });
});

describe('parseQuery', () => {
  it('treats only known field names as prefixes, so addresses keep their colons', () => {
    expect(parseQuery('Driver:VFIO 0000:01:00.0')).toEqual([
      { field: 'driver', text: 'vfio' },
      { field: null, text: '0000:01:00.0' },
    ]);
  });

  it('ignores a field with nothing after it', () => {
    expect(parseQuery('driver:')).toEqual([]);
  });
});
