// What the planner is given: the goal, the host as it is now, and what the
// planner cannot read from sysfs (facts, history). Everything a plan depends
// on is here, so the same input always gives the same plan.
import type { DeviceId, Snapshot } from '../../../src-shared/model';
import type { DeviceOutcome, Goal, Plan } from '../../../src-shared/plan';
import type { AliasDatabase } from '../alias/database';
import type { SystemFacts } from '../host/system-facts';
import type { SysfsSource } from '../sysfs/sysfs-source';

export interface PlanInput {
  readonly goal: Goal;
  /** The host now. */
  readonly snapshot: Snapshot;
  readonly facts: SystemFacts;
  readonly aliases: AliasDatabase;
  /** Where the host's sysfs is read (for candidatesForDevice and block-device holders). */
  readonly root: string;
  readonly source: SysfsSource;
  /** Driver each device had before Bindery moved it to VFIO (from history), for return-to-host. */
  readonly remembered: ReadonlyMap<DeviceId, string>;
  /** For the 'undo' goal: the applied plan to undo and the devices' states before it. */
  readonly undoOf: { readonly plan: Plan; readonly before: readonly DeviceOutcome[] } | null;
  readonly id: string;
  readonly now: Date;
}
