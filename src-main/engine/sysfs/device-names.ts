// Names for a device from the ID database: PCI and USB only, as the other
// buses have no ID database.
import type { DeviceNames, PciInfo, UsbInfo } from '../../../src-shared/model';
import { type IdDatabase, NO_NAMES } from '../ids/id-database';

export function namesOf(ids: IdDatabase | undefined, pci: PciInfo | null, usb: UsbInfo | null): DeviceNames {
  if (!ids) return NO_NAMES;
  if (pci) {
    return ids.pci({
      vendor: Number(pci.vendor),
      device: Number(pci.device),
      subsystemVendor: Number(pci.subsystemVendor),
      subsystemDevice: Number(pci.subsystemDevice),
      classCode: Number(pci.class),
    });
  }
  if (usb && /^[0-9a-f]{4}$/i.test(usb.vendor) && /^[0-9a-f]{4}$/i.test(usb.product)) {
    const classCode = usb.class !== null && /^[0-9a-f]{2}$/i.test(usb.class) ? parseInt(usb.class, 16) : null;
    return ids.usb({ vendor: parseInt(usb.vendor, 16), product: parseInt(usb.product, 16), classCode });
  }
  return NO_NAMES;
}
