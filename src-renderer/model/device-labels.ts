// Words people read for a device: names from hwdata first, IDs beside them in
// the form lspci prints, and a plain fallback where the database knows nothing.
import { isVfioDriver } from '../../src-shared/driver-kinds';
import type { Device, DeviceId } from '../../src-shared/model';

/** `pci/0000:01:00.0` -> `0000:01:00.0`: the name people know a device by, where only its ID is at hand. */
export function deviceName(id: DeviceId): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(slash + 1);
}

/** `0x10de` -> `10de`: sysfs prints PCI IDs with `0x`, USB IDs without. */
export function hex(value: string): string {
  return value.toLowerCase().startsWith('0x') ? value.slice(2) : value;
}

/** `10de:2206`: the pair people search for and pass to `vfio-pci.ids=`. */
export function vendorDeviceIds(device: Device): string | null {
  if (device.pci) return `${hex(device.pci.vendor)}:${hex(device.pci.device)}`;
  if (device.usb) return `${hex(device.usb.vendor)}:${hex(device.usb.product)}`;
  return null;
}

export function subsystemIds(device: Device): string | null {
  if (!device.pci) return null;
  return `${hex(device.pci.subsystemVendor)}:${hex(device.pci.subsystemDevice)}`;
}

/** The PCI class as lspci shows it (`0300`), and the programming interface (`02`). */
export function pciClassCode(device: Device): { readonly code: string; readonly progIf: string } | null {
  if (!device.pci) return null;
  const digits = hex(device.pci.class).padStart(6, '0');
  return { code: digits.slice(0, 4), progIf: digits.slice(4, 6) };
}

export function vendorName(device: Device): string | null {
  return device.names.vendor ?? device.usb?.manufacturer ?? null;
}

export function productName(device: Device): string | null {
  return device.names.device ?? device.usb?.productName ?? null;
}

export function className(device: Device): string | null {
  if (device.names.class) return device.names.class;
  const pciClass = pciClassCode(device);
  if (pciClass) return `Class ${pciClass.code}`;
  if (device.usb?.class) return `USB class ${device.usb.class}`;
  return null;
}

const LEGAL_SUFFIX =
  /(?:,?\s+(?:Corporation|Corp\.?|Incorporated|Inc\.?|Co\.?,?\s*Ltd\.?|Ltd\.?|Limited|GmbH|AG|LLC|S\.A\.))+$/i;

/**
 * `Advanced Micro Devices, Inc. [AMD/ATI]` -> `AMD/ATI`, `Intel Corporation` -> `Intel`:
 * rows are narrow, and the short form is what people call the vendor.
 */
export function shortVendor(name: string): string {
  const bracketed = /\[([^\]]+)\]\s*$/.exec(name);
  if (bracketed?.[1]) return bracketed[1];
  const short = name.replace(LEGAL_SUFFIX, '').trim();
  return short || name;
}

/**
 * What a row says after the address: `NVIDIA GA102 [GeForce RTX 3080]`.
 * null when nothing but the device's own name is known.
 */
export function deviceTitle(device: Device): string | null {
  const product = productName(device);
  const vendor = vendorName(device);
  if (product) return vendor ? `${shortVendor(vendor)} ${product}` : product;
  if (device.names.class) return vendor ? `${shortVendor(vendor)} ${device.names.class}` : device.names.class;
  return vendor ? shortVendor(vendor) : null;
}

/** A name and its ID the way lspci -nn prints them: `NVIDIA Corporation [10de]`. */
export function nameWithId(name: string | null, id: string | null): string {
  if (name && id) return `${name} [${id}]`;
  return name ?? (id ? `[${id}]` : 'unknown');
}

export type DriverState = 'vfio' | 'bound' | 'unbound';

export function driverState(device: Device): DriverState {
  if (!device.driver) return 'unbound';
  return isVfioDriver(device.driver) ? 'vfio' : 'bound';
}

const BUS_LABELS: Readonly<Record<string, string>> = {
  pci: 'PCI',
  usb: 'USB',
  virtio: 'virtio',
  auxiliary: 'Auxiliary',
  mdev: 'Mediated devices',
  vdpa: 'vDPA',
  platform: 'Platform',
  acpi: 'ACPI',
  pnp: 'Plug and Play',
  scsi: 'SCSI',
  nvme: 'NVMe',
  hid: 'HID',
  i2c: 'I²C',
  spi: 'SPI',
  serial: 'Serial',
  'serial-base': 'Serial ports',
  cpu: 'CPUs',
  memory: 'Memory blocks',
  node: 'NUMA nodes',
  thunderbolt: 'Thunderbolt',
  pci_express: 'PCIe port services',
  cxl: 'CXL',
  mei: 'Intel MEI',
  nd: 'NVDIMM',
  dax: 'DAX',
  event_source: 'Event sources',
  clockevents: 'Clock events',
  clocksource: 'Clock sources',
  workqueue: 'Workqueues',
  container: 'Containers',
  edac: 'EDAC',
  gpio: 'GPIO',
  mmc: 'MMC/SD',
  sdio: 'SDIO',
  xen: 'Xen',
  'xen-backend': 'Xen backends',
};

export function busLabel(bus: string): string {
  return BUS_LABELS[bus] ?? bus;
}

/** The buses people pass through or split devices on come first; the rest by name. */
const BUS_ORDER = ['pci', 'usb', 'virtio', 'auxiliary', 'mdev', 'vdpa', 'nvme', 'thunderbolt', 'cxl', 'scsi', 'platform'];

export function compareBuses(a: string, b: string): number {
  const rank = (bus: string) => {
    const index = BUS_ORDER.indexOf(bus);
    return index === -1 ? BUS_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
