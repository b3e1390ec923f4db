// Schemas for the names a request may carry, on top of the same checks that
// guard every path (operation-target.ts): what is accepted here is exactly
// what may become part of a sysfs path or a modprobe argument.
import { z } from 'zod';
import { isDriverName, isModuleName, parseDeviceId } from '../operation-target';

export const DeviceIdSchema = z
  .string()
  .max(100)
  .refine((id) => parseDeviceId(id) !== null, 'a device is named <bus>/<name> in letters, digits and . : _ - (like pci/0000:01:00.0)');

export const DriverNameSchema = z
  .string()
  .max(64)
  .refine(isDriverName, 'a driver name is letters, digits and . : _ - (like vfio-pci)');

export const ModuleNameSchema = z
  .string()
  .max(64)
  .refine(isModuleName, 'a module name is letters, digits, _ and -, not starting with - (like vfio_pci)');

/** `dddd:bb:dd.f`, lowercase; the domain may be wider than 4 digits (Intel VMD: `10000:e1:00.0`). */
export const PciAddressSchema = z
  .string()
  .max(16)
  .regex(/^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/, 'a PCI address looks like 0000:01:00.0');
