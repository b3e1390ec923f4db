// A Host is what the engine reads and (later) changes: the machine itself, a
// captured tree, or the simulated kernel. Everything above the engine talks to
// a Host, never to /sys directly.
import type { HostInfo, Snapshot } from '../../../src-shared/model';
import type { Operation } from '../../../src-shared/plan';
import type { SysfsSource } from '../sysfs/sysfs-source';
import type { HostPersistence } from './host-persistence';
import type { SystemFacts } from './system-facts';

/** What one operation did: errno names as the kernel gives them; ECANCELED when the user declined. */
export type OperationResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly errno: string; readonly message: string };

export interface Host {
  readonly info: HostInfo;
  /** How the host's sysfs tree (under `info.root`) is read: the real filesystem or a simulation. */
  readonly source: SysfsSource;
  /**
   * Read the whole host now. Problems with single devices or attributes do not
   * throw; they are kept in `snapshot.problems`. Only an unreadable root throws.
   */
  scan(): Promise<Snapshot>;
  /**
   * Calls `onChange` when the host changed by itself (a simulated kernel's
   * uevents, another process changing a simulation); hosts that cannot tell
   * leave it out and are refreshed on request.
   */
  watch?(onChange: () => void): () => void;
  /** Facts outside sysfs for the safety checks; unknown ones are null. */
  facts(): Promise<SystemFacts>;
  /** Performs one operation. Hosts that cannot change (a captured tree) leave it out. */
  perform?(operation: Operation): Promise<OperationResult>;
  /** Devices kept on a driver across reboots; absent where nothing can be kept. */
  readonly persistence?: HostPersistence | undefined;
}
