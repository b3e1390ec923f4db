// What the UI shows about devices kept across reboots: each entry as a device
// id, and whether the same card is in that slot now.
import type { Snapshot } from '../../../src-shared/model';
import type { PersistenceState } from '../../../src-shared/plan';
import type { StoredPersistence } from '../host/host-persistence';

export function persistenceState(stored: StoredPersistence | null, snapshot: Snapshot): PersistenceState {
  if (!stored) return { supported: false, devices: [], driverctl: [], problem: null };
  const byName = new Map(snapshot.devices.filter((d) => d.bus === 'pci').map((d) => [d.name, d]));
  return {
    supported: true,
    devices: stored.devices.map((entry) => {
      const pci = byName.get(entry.device)?.pci;
      const present = pci !== undefined && pci !== null
        && pci.vendor === entry.ids.vendor && pci.device === entry.ids.device
        && pci.subsystemVendor === entry.ids.subsystemVendor && pci.subsystemDevice === entry.ids.subsystemDevice;
      return { device: `pci/${entry.device}`, driver: entry.driver, present };
    }),
    driverctl: stored.driverctl,
    problem: stored.problem,
  };
}
