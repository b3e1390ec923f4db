// Builds Device values for the renderer's model tests: a realistic PCI or USB
// device with every field filled, overridden where a test cares.
import type { Device, DeviceNames, PciInfo, UsbInfo } from '../../../../src-shared/model';

const NO_NAMES: DeviceNames = {
  vendor: null,
  device: null,
  subsystemVendor: null,
  subsystemDevice: null,
  class: null,
  progIf: null,
};

export function pciInfo(overrides: Partial<PciInfo> = {}): PciInfo {
  return {
    vendor: '0x8086',
    device: '0x10d3',
    subsystemVendor: '0x8086',
    subsystemDevice: '0xa01f',
    class: '0x020000',
    revision: '0x00',
    bootVga: false,
    resetMethods: ['flr', 'bus'],
    sriov: null,
    physfn: null,
    mdevTypes: [],
    isBridge: false,
    ...overrides,
  };
}

export function usbInfo(overrides: Partial<UsbInfo> = {}): UsbInfo {
  return {
    vendor: '046d',
    product: 'c52b',
    class: '00',
    manufacturer: 'Logitech',
    productName: 'USB Receiver',
    speed: '12',
    isInterface: false,
    ...overrides,
  };
}

export interface DeviceSpec extends Partial<Omit<Device, 'names'>> {
  readonly name: string;
  readonly names?: Partial<DeviceNames>;
}

export function makeDevice(spec: DeviceSpec): Device {
  const bus = spec.bus ?? 'pci';
  const { names, ...rest } = spec;
  return {
    id: `${bus}/${spec.name}`,
    bus,
    sysfsPath: `/sys/devices/${spec.name}`,
    parent: null,
    modalias: null,
    driver: null,
    driverModule: null,
    driverOverride: null,
    supportsOverride: bus === 'pci',
    iommuGroup: null,
    classDevices: [],
    pci: bus === 'pci' ? pciInfo() : null,
    usb: bus === 'usb' ? usbInfo() : null,
    ...rest,
    names: { ...NO_NAMES, ...names },
  };
}
