// The `usb` part of a USB device or interface. Interfaces (`1-1:1.0`) carry
// only their class; who made them is on their USB device, the directory above.
import path from 'node:path';
import type { UsbInfo } from '../../../src-shared/model';
import type { SysfsTree } from './sysfs-tree';

/** The maker's identity of a USB device directory; null when it vanished or cannot be read. */
function deviceIdentity(tree: SysfsTree, dir: string): Omit<UsbInfo, 'class' | 'isInterface'> | null {
  const vendor = tree.text(dir, 'idVendor');
  const product = tree.text(dir, 'idProduct');
  if (vendor === null || product === null) return null;
  return {
    vendor,
    product,
    manufacturer: tree.text(dir, 'manufacturer'),
    productName: tree.text(dir, 'product'),
    speed: tree.text(dir, 'speed'),
  };
}

/** 'vanished' when neither a device nor an interface is there any more; null when unreadable. */
export function readUsb(tree: SysfsTree, dir: string): UsbInfo | 'vanished' | null {
  const idVendor = tree.read(dir, 'idVendor');
  if (idVendor.state === 'ok') {
    const identity = deviceIdentity(tree, dir);
    return identity && { ...identity, class: tree.text(dir, 'bDeviceClass'), isInterface: false };
  }
  const interfaceClass = tree.read(dir, 'bInterfaceClass');
  if (interfaceClass.state === 'ok') {
    const identity = deviceIdentity(tree, path.dirname(dir));
    return identity && { ...identity, class: interfaceClass.value.trimEnd(), isInterface: true };
  }
  return idVendor.state === 'absent' && interfaceClass.state === 'absent' ? 'vanished' : null;
}
