// Keeping devices on a driver across reboots, as a host does it: the live
// machine in /etc/bindery through the privileged helper, a simulation beside
// its saved state. A captured tree keeps nothing.
import type { DeviceId } from '../../../src-shared/model';
import type { PersistedDevice as StoredDevice } from '../persist/persisted-schema';
import type { OperationResult } from './host';

export type { StoredDevice };

export interface StoredPersistence {
  readonly devices: readonly StoredDevice[];
  /** Overrides driverctl keeps (`/etc/driverctl.d`), which Bindery can take over. */
  readonly driverctl: readonly { readonly device: DeviceId; readonly driver: string }[];
  /** Why the saved list could not be read; null when fine. */
  readonly problem: string | null;
}

export interface HostPersistence {
  read(): Promise<StoredPersistence>;
  keep(entry: StoredDevice): Promise<OperationResult>;
  forget(address: string): Promise<OperationResult>;
  /** Keeps every driverctl override with Bindery too; one result per override. */
  importDriverctl(): Promise<readonly { readonly device: DeviceId; readonly result: OperationResult }[]>;
}
