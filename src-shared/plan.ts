// Changes as data: what the user wants (a Goal), how Bindery will do it (a
// Plan of Steps, each with its precondition, the state expected after it and
// its inverse), what safety checks found, and what happened (an Outcome).
import type { BinderyError } from './errors';
import type { DeviceId } from './model';

export type GoalKind = 'assign-vfio' | 'return-to-host' | 'bind' | 'unbind' | 'set-override' | 'clear-override' | 'undo';

export type Goal =
  /** Hand devices to VFIO; Bindery adds their IOMMU group and the other functions of their slot. */
  | { readonly kind: 'assign-vfio'; readonly devices: readonly DeviceId[] }
  /** Give devices back to the driver they had (remembered), else the best host driver. */
  | { readonly kind: 'return-to-host'; readonly devices: readonly DeviceId[] }
  | { readonly kind: 'bind'; readonly device: DeviceId; readonly driver: string }
  | { readonly kind: 'unbind'; readonly device: DeviceId }
  | { readonly kind: 'set-override'; readonly device: DeviceId; readonly driver: string }
  | { readonly kind: 'clear-override'; readonly device: DeviceId }
  /** Put every device an applied plan changed back as it was before that plan. */
  | { readonly kind: 'undo'; readonly planId: string };

/**
 * The closed set of changes Bindery makes to a host, named by device and
 * driver, never by path: whoever performs one (the simulator, the engine as
 * root, the privileged helper) builds the sysfs path itself.
 */
export type Operation =
  /** Write `driver_override`; null clears it. */
  | { readonly kind: 'set-override'; readonly device: DeviceId; readonly driver: string | null }
  /** Write the device name to `drivers/<driver>/unbind`. */
  | { readonly kind: 'unbind'; readonly device: DeviceId; readonly driver: string }
  /** Write the device name to `drivers/<driver>/bind`. */
  | { readonly kind: 'bind'; readonly device: DeviceId; readonly driver: string }
  /** Write the device name to the bus's `drivers_probe`. */
  | { readonly kind: 'probe'; readonly device: DeviceId }
  /** `modprobe MODULE`. */
  | { readonly kind: 'load-module'; readonly module: string };

/** A fact about the host that must hold (before a step) or hold afterwards. */
export type Check =
  | { readonly kind: 'driver'; readonly device: DeviceId; readonly driver: string | null }
  | { readonly kind: 'override'; readonly device: DeviceId; readonly driver: string | null }
  | { readonly kind: 'module-loaded'; readonly module: string };

export interface Step {
  readonly index: number;
  readonly operation: Operation;
  /** "Unbind 0000:01:00.0 from nouveau". */
  readonly description: string;
  readonly preconditions: readonly Check[];
  readonly expect: readonly Check[];
  /** What undoes it; null when nothing needs undoing (a module left loaded harms nothing). */
  readonly inverse: Operation | null;
}

/** A device's binding state: the two things plans change. */
export interface DriverState {
  readonly driver: string | null;
  readonly override: string | null;
}

export type DeviceRole =
  /** Named by the user. */
  | 'target'
  /** Shares the target's IOMMU group, so it must move too. */
  | 'group-member'
  /** Another function of the target's slot (a GPU's audio function). */
  | 'slot-companion'
  /** In the group but stays as it is (a bridge on pcieport). */
  | 'stays';

export interface PlannedDevice {
  readonly device: DeviceId;
  /** "NVIDIA TU106 High Definition Audio Controller". */
  readonly label: string;
  readonly role: DeviceRole;
  readonly before: DriverState;
  readonly after: DriverState;
  /** Why it is in the plan, or why it stays. */
  readonly reason: string;
}

export type FindingSeverity = 'refuse' | 'warning' | 'info';

/** What a safety check found, in words a person can act on. */
export interface Finding {
  /** Stable, for scripts and tests: `iommu-off`, `boot-disk`, `active-display`, ... */
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly title: string;
  readonly detail: string;
  readonly remedy: string | null;
  readonly devices: readonly DeviceId[];
  /** A refusal the user may override with --force (never: the IOMMU being off). */
  readonly forceable: boolean;
}

export interface Plan {
  readonly id: string;
  readonly goal: Goal;
  readonly hostId: string;
  readonly createdAt: string;
  /** "Assign 0000:01:00.0 and its audio function to VFIO". */
  readonly summary: string;
  readonly devices: readonly PlannedDevice[];
  readonly steps: readonly Step[];
  readonly findings: readonly Finding[];
}

export type OutcomeStatus =
  /** Every step done and verified. */
  | 'done'
  /** A step failed; every step before it was undone and the original state verified. */
  | 'rolled-back'
  /** A step failed and undoing did not bring the original state back: the user must look. */
  | 'rollback-failed'
  /** Safety checks refused the plan; nothing changed. */
  | 'refused'
  /** The user cancelled (e.g. authentication); nothing changed. */
  | 'cancelled';

export interface DeviceOutcome {
  readonly device: DeviceId;
  readonly before: DriverState;
  readonly after: DriverState;
}

export interface Outcome {
  readonly planId: string;
  readonly status: OutcomeStatus;
  /** Steps that ran to completion (before any rollback). */
  readonly stepsDone: number;
  /** The step that failed, if one did. */
  readonly failedStep: number | null;
  readonly error: BinderyError | null;
  readonly devices: readonly DeviceOutcome[];
  readonly startedAt: string;
  readonly finishedAt: string;
}

export interface ApplyProgress {
  readonly planId: string;
  /** The step running now (0-based), or the one being undone. */
  readonly step: number;
  readonly total: number;
  readonly phase: 'applying' | 'verifying' | 'rolling-back' | 'finished';
}

export interface HistoryEntry {
  readonly plan: Plan;
  readonly outcome: Outcome;
  /** The plan that undid this one, if any. */
  readonly undoneBy: string | null;
}

/** A plan that stopped half-way (Bindery or the machine stopped): found at the next start. */
export interface InterruptedPlan {
  readonly plan: Plan;
  /** Steps known to have completed. */
  readonly stepsDone: number;
  readonly startedAt: string;
}

/** What a transport sends to apply a plan it was shown (by id: plans never travel back in). */
export interface ApplyRequest {
  /** Apply despite refusals that may be forced. */
  readonly force: boolean;
}

export type InterruptedAction = 'finish' | 'undo';

/** A PCI device kept on a driver across reboots (restored at boot, before host drivers take it). */
export interface PersistedDevice {
  readonly device: DeviceId;
  readonly driver: string;
  /** Present now with the same IDs it had when kept. */
  readonly present: boolean;
}

/** An override left by driverctl, which Bindery can take over. */
export interface DriverctlOverride {
  readonly device: DeviceId;
  readonly driver: string;
}

export interface PersistenceState {
  /** False where the host cannot keep anything (a captured tree). */
  readonly supported: boolean;
  readonly devices: readonly PersistedDevice[];
  readonly driverctl: readonly DriverctlOverride[];
  /** Why the saved list could not be read, in plain words; null when fine. */
  readonly problem: string | null;
}
