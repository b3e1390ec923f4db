// Device-side modalias strings and bus uevent keys with the kernel's exact
// printf formats (kernel-abi.md 2.1): uppercase hex, fixed widths.
import type { PciIds, SimDevice } from './state';

export const HEX = (value: number, digits: number): string => value.toString(16).toUpperCase().padStart(digits, '0');
export const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/** `pci:v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X`. */
export function pciModalias(ids: PciIds): string {
  return `pci:v${HEX(ids.vendor, 8)}d${HEX(ids.device, 8)}sv${HEX(ids.subsystemVendor, 8)}sd${HEX(ids.subsystemDevice, 8)}`
    + `bc${HEX(ids.classCode >> 16, 2)}sc${HEX((ids.classCode >> 8) & 0xff, 2)}i${HEX(ids.classCode & 0xff, 2)}`;
}

/** `PCI_CLASS=%04X` of the 24-bit class, then IDs, slot and modalias (pci_uevent). */
function pciKeys(dev: SimDevice, ids: PciIds): string[] {
  return [
    `PCI_CLASS=${HEX(ids.classCode, 4)}`,
    `PCI_ID=${HEX(ids.vendor, 4)}:${HEX(ids.device, 4)}`,
    `PCI_SUBSYS_ID=${HEX(ids.subsystemVendor, 4)}:${HEX(ids.subsystemDevice, 4)}`,
    `PCI_SLOT_NAME=${dev.name}`,
    `MODALIAS=${pciModalias(ids)}`,
  ];
}

/** The device's modalias as its bus reports it; null where the bus has none (vdpa, mdev). */
export function modaliasOf(dev: SimDevice): string | null {
  if (dev.pci) return pciModalias(dev.pci.hw.ids);
  if (dev.virtio) return `virtio:d${HEX(dev.virtio.device, 8)}v${HEX(dev.virtio.vendor, 8)}`;
  if (dev.bus === 'auxiliary') return `auxiliary:${dev.name.slice(0, dev.name.lastIndexOf('.'))}`;
  if (dev.platform) return `platform:${dev.platform.name}`;
  return null;
}

/** The bus part of a device's uevent keys. */
export function busUeventKeys(dev: SimDevice): string[] {
  if (dev.pci) return pciKeys(dev, dev.pci.hw.ids);
  const modalias = modaliasOf(dev);
  return modalias === null ? [] : [`MODALIAS=${modalias}`];
}

/**
 * Every key of dev_uevent() in order (kernel-abi.md 7.2): device node,
 * DEVTYPE, DRIVER, bus keys, class keys. This is also what reading the
 * device's `uevent` file prints.
 */
export function deviceUeventKeys(dev: SimDevice): string[] {
  const keys: string[] = [];
  if (dev.devnode) {
    keys.push(`MAJOR=${dev.devnode.major}`, `MINOR=${dev.devnode.minor}`, `DEVNAME=${dev.devnode.name}`);
  }
  if (dev.devtype !== undefined) keys.push(`DEVTYPE=${dev.devtype}`);
  if (dev.driver !== null) keys.push(`DRIVER=${dev.driver}`);
  keys.push(...busUeventKeys(dev));
  if (dev.net) keys.push(`INTERFACE=${dev.name}`, `IFINDEX=${dev.net.ifindex}`);
  if (dev.attrs?.diskseq !== undefined) keys.push(`DISKSEQ=${dev.attrs.diskseq}`);
  // part_uevent() after block_uevent(), which reports the whole disk's sequence number.
  if (dev.part) {
    keys.push(`DISKSEQ=${dev.part.diskseq}`, `PARTN=${dev.attrs?.partition ?? ''}`);
    if (dev.part.name !== null) keys.push(`PARTNAME=${dev.part.name}`);
  }
  return keys;
}
