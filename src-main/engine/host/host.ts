// A Host is what the engine reads and (later) changes: the machine itself, a
// captured tree, or the simulated kernel. Everything above the engine talks to
// a Host, never to /sys directly.
import type { HostInfo, Snapshot } from '../../../src-shared/model';

export interface Host {
  readonly info: HostInfo;
  /**
   * Read the whole host now. Problems with single devices or attributes do not
   * throw; they are kept in `snapshot.problems`. Only an unreadable root throws.
   */
  scan(): Promise<Snapshot>;
}
