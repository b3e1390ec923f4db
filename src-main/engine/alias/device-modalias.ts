// The modalias to match for a device of a snapshot, or why there is none.
// Auxiliary devices have no modalias file, only a uevent key built from the
// device name, which is rebuilt here the same way (kernel-abi.md 6.3).
import type { Device } from '../../../src-shared/model';

export interface DeviceKey {
  readonly modalias: string | null;
  readonly note: string | null;
}

const NO_MODALIAS: Readonly<Record<string, string>> = {
  vdpa:
    'vDPA devices have no modalias: the vdpa bus sends none, so no driver loads for them by itself. '
    + 'Load virtio_vdpa (for a kernel network or block device) or vhost_vdpa (/dev/vhost-vdpa-N for QEMU or DPDK) '
    + 'and bind the device to it.',
  mdev:
    'Mediated devices have no modalias: the mdev bus matches no driver by itself, and the parent device\'s driver '
    + 'binds each mdev when it is created.',
  usb:
    'A USB device has no modalias; its interfaces (such as 1-1:1.0) carry one, and drivers bind to those.',
};

export function deviceModalias(device: Device): DeviceKey {
  if (device.modalias !== null) return { modalias: device.modalias, note: null };
  if (device.bus === 'auxiliary' && device.name.lastIndexOf('.') > 0) {
    const modalias = `auxiliary:${device.name.slice(0, device.name.lastIndexOf('.'))}`;
    return {
      modalias,
      note: `Auxiliary devices have no modalias file; ${modalias} is built from the device name, as the kernel does for its uevent.`,
    };
  }
  return {
    modalias: null,
    note: NO_MODALIAS[device.bus]
      ?? `This device has no modalias (its ${device.bus} bus publishes none for it), so modules.alias cannot name a driver for it.`,
  };
}
