// The JSON shape of a device for scripts (README documents it): the fields
// people filter on at the top level, strings exactly as sysfs shows them.
import type { Device } from '../../../src-shared/model';

export interface DeviceJson {
  readonly id: string;
  readonly bus: string;
  readonly name: string;
  readonly parent: string | null;
  readonly sysfsPath: string;
  readonly driver: string | null;
  readonly driverModule: string | null;
  readonly driverOverride: string | null;
  readonly modalias: string | null;
  readonly iommuGroup: number | null;
  readonly classDevices: readonly string[];
  readonly vendorName: string | null;
  readonly deviceName: string | null;
  readonly [field: string]: unknown;
}

export function deviceJson(device: Device): DeviceJson {
  const base = {
    id: device.id,
    bus: device.bus,
    name: device.name,
    parent: device.parent,
    sysfsPath: device.sysfsPath,
    driver: device.driver,
    driverModule: device.driverModule,
    driverOverride: device.driverOverride,
    modalias: device.modalias,
    iommuGroup: device.iommuGroup,
    classDevices: device.classDevices.map((c) => `${c.subsystem}/${c.name}`),
    vendorName: device.names.vendor,
    deviceName: device.names.device,
  };
  if (device.pci) {
    const pci = device.pci;
    return {
      ...base,
      vendor: pci.vendor,
      device: pci.device,
      subsystemVendor: pci.subsystemVendor,
      subsystemDevice: pci.subsystemDevice,
      class: pci.class,
      revision: pci.revision,
      bootVga: pci.bootVga,
      subsystemVendorName: device.names.subsystemVendor,
      subsystemDeviceName: device.names.subsystemDevice,
      className: device.names.class,
      resetMethods: pci.resetMethods,
      isBridge: pci.isBridge,
      physfn: pci.physfn,
      sriov: pci.sriov,
      mdevTypes: pci.mdevTypes,
    };
  }
  if (device.usb) {
    return { ...base, vendor: device.usb.vendor, product: device.usb.product, usb: device.usb, className: device.names.class };
  }
  return base;
}
