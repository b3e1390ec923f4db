// Human names for devices in terminal output.
import type { Device } from '../../../src-shared/model';

/** `Intel Corporation 82574L Gigabit Network Connection [8086:10d3]`, or the IDs alone. */
export function deviceTitle(device: Device): string {
  const ids = device.pci
    ? `${device.pci.vendor.slice(2)}:${device.pci.device.slice(2)}`
    : device.usb
      ? `${device.usb.vendor}:${device.usb.product}`
      : null;
  const names = [device.names.vendor, device.names.device ?? device.usb?.productName ?? null].filter(Boolean).join(' ');
  if (!ids) return names;
  return names ? `${names} [${ids}]` : `[${ids}]`;
}

/** Class devices people call a device by; bus plumbing (pci_bus, input, ptp) is left out. */
const NOTABLE: Readonly<Record<string, RegExp>> = {
  net: /./,
  block: /./,
  nvme: /./,
  drm: /^card\d+$/,
  sound: /^card\d+$/,
  'vfio-dev': /./,
  tty: /./,
};

export function classDeviceList(device: Device): string {
  return device.classDevices
    .filter((c) => NOTABLE[c.subsystem]?.test(c.name))
    .map((c) => c.name)
    .join(', ');
}
