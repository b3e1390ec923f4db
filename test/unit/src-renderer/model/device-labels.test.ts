import { describe, expect, it } from 'vitest';
import {
  busLabel,
  className,
  deviceName,
  deviceTitle,
  driverState,
  nameWithId,
  pciClassCode,
  shortVendor,
  vendorDeviceIds,
} from '../../../../src-renderer/model/device-labels';
import { makeDevice, pciInfo, usbInfo } from './make-device';

describe('shortVendor', () => {
  it.each([
    ['Intel Corporation', 'Intel'],
    ['NVIDIA Corporation', 'NVIDIA'],
    ['Advanced Micro Devices, Inc. [AMD/ATI]', 'AMD/ATI'],
    ['Samsung Electronics Co Ltd', 'Samsung Electronics'],
    ['Realtek Semiconductor Co., Ltd.', 'Realtek Semiconductor'],
    ['Red Hat, Inc.', 'Red Hat'],
    ['Mellanox Technologies', 'Mellanox Technologies'],
  ])('%s -> %s', (name, short) => {
    expect(shortVendor(name)).toBe(short);
  });
});

describe('deviceTitle', () => {
  it('puts the short vendor before the device name', () => {
    const gpu = makeDevice({ name: '0000:01:00.0', names: { vendor: 'NVIDIA Corporation', device: 'GA102 [GeForce RTX 3080]' } });
    expect(deviceTitle(gpu)).toBe('NVIDIA GA102 [GeForce RTX 3080]');
  });

  it('falls back to the class name, then to nothing, when hwdata has no device name', () => {
    expect(deviceTitle(makeDevice({ name: 'x', names: { vendor: 'Intel Corporation', class: 'Host bridge' } }))).toBe('Intel Host bridge');
    expect(deviceTitle(makeDevice({ bus: 'platform', name: 'serial8250' }))).toBeNull();
  });

  it('uses the strings a USB device reports about itself', () => {
    expect(deviceTitle(makeDevice({ bus: 'usb', name: '1-1', usb: usbInfo() }))).toBe('Logitech USB Receiver');
  });
});

describe('IDs and classes', () => {
  it('prints vendor:device without 0x, for PCI and USB alike', () => {
    expect(vendorDeviceIds(makeDevice({ name: 'a', pci: pciInfo({ vendor: '0x10de', device: '0x2206' }) }))).toBe('10de:2206');
    expect(vendorDeviceIds(makeDevice({ bus: 'usb', name: '1-1' }))).toBe('046d:c52b');
    expect(vendorDeviceIds(makeDevice({ bus: 'platform', name: 'i8042' }))).toBeNull();
  });

  it('splits the PCI class into the class code lspci shows and the programming interface', () => {
    expect(pciClassCode(makeDevice({ name: 'a', pci: pciInfo({ class: '0x010802' }) }))).toEqual({ code: '0108', progIf: '02' });
  });

  it('names the class from hwdata, else by its code', () => {
    expect(className(makeDevice({ name: 'a', names: { class: 'Ethernet controller' } }))).toBe('Ethernet controller');
    expect(className(makeDevice({ name: 'a', pci: pciInfo({ class: '0x0c0330' }) }))).toBe('Class 0c03');
  });

  it('writes a name with its ID as lspci -nn does', () => {
    expect(nameWithId('NVIDIA Corporation', '10de')).toBe('NVIDIA Corporation [10de]');
    expect(nameWithId(null, '10de')).toBe('[10de]');
    expect(nameWithId(null, null)).toBe('unknown');
  });
});

describe('driverState and busLabel', () => {
  it('tells VFIO drivers from host drivers and unbound devices', () => {
    expect(driverState(makeDevice({ name: 'a', driver: 'vfio-pci' }))).toBe('vfio');
    expect(driverState(makeDevice({ name: 'a', driver: 'mlx5_vfio_pci' }))).toBe('vfio');
    expect(driverState(makeDevice({ name: 'a', driver: 'nvme' }))).toBe('bound');
    expect(driverState(makeDevice({ name: 'a' }))).toBe('unbound');
  });

  it('spells known buses the way people write them and keeps unknown ones', () => {
    expect(busLabel('pci')).toBe('PCI');
    expect(busLabel('foo_bus')).toBe('foo_bus');
  });
});

describe('deviceName', () => {
  it('names a device by its ID as people do, without the bus', () => {
    expect(deviceName('pci/0000:01:00.0')).toBe('0000:01:00.0');
    expect(deviceName('usb/1-1:1.0')).toBe('1-1:1.0');
    expect(deviceName('plain')).toBe('plain');
  });
});
