// The devices Bindery keeps on a driver across reboots, as stored in
// /etc/bindery/persisted.json: versioned and validated on every read, because
// a root process acts on it at boot.
import { z } from 'zod';
import { DriverNameSchema, PciAddressSchema } from '../ops/privileged/name-schemas';

/** A card's identity as sysfs prints it (`0x10de`): a different card in the same slot never matches. */
export interface PciIds {
  readonly vendor: string;
  readonly device: string;
  readonly subsystemVendor: string;
  readonly subsystemDevice: string;
}

export interface PersistedDevice {
  /** PCI address, `0000:01:00.0`. */
  readonly device: string;
  readonly driver: string;
  readonly ids: PciIds;
}

export interface PersistedState {
  readonly version: 1;
  readonly devices: readonly PersistedDevice[];
}

export const MAX_PERSISTED = 256;

const IdSchema = z.string().regex(/^0x[0-9a-f]{4}$/, 'an ID looks like 0x10de');

const PciIdsSchema: z.ZodType<PciIds> = z.strictObject({
  vendor: IdSchema,
  device: IdSchema,
  subsystemVendor: IdSchema,
  subsystemDevice: IdSchema,
});

export const PersistedDeviceSchema = z.strictObject({
  device: PciAddressSchema,
  driver: DriverNameSchema,
  ids: PciIdsSchema,
});

export const PersistedStateSchema: z.ZodType<PersistedState> = z.strictObject({
  version: z.literal(1),
  devices: z
    .array(PersistedDeviceSchema)
    .max(MAX_PERSISTED)
    .refine((devices) => new Set(devices.map((d) => d.device)).size === devices.length, 'each device may appear once'),
});
