// Lookups the views need many times per render, built once per snapshot.
import type { Device, DeviceId, IommuGroup, Snapshot } from '../../src-shared/model';

export interface DeviceIndex {
  readonly byId: ReadonlyMap<DeviceId, Device>;
  readonly groups: ReadonlyMap<number, IommuGroup>;
}

export function indexSnapshot(snapshot: Snapshot): DeviceIndex {
  return {
    byId: new Map(snapshot.devices.map((device) => [device.id, device])),
    groups: new Map(snapshot.iommuGroups.map((group) => [group.id, group])),
  };
}

/** The ID of a device on the same bus named `name` (VFs and PFs are named, not identified). */
export function sameBusId(device: Device, name: string): DeviceId {
  return `${device.bus}/${name}`;
}
