// Which drivers could take a device, best first, and why.
import type { DeviceId } from './model';

/**
 * `driver`: a plain alias of a host driver.
 * `vfio-variant`: a `vfio_pci:` alias other than the catch-all (e.g. `mlx5_vfio_pci`).
 * `vfio-generic`: the catch-all `vfio_pci`.
 */
export type CandidateKind = 'driver' | 'vfio-variant' | 'vfio-generic';

export interface Candidate {
  /** Module name as `modules.alias` spells it (underscores). */
  readonly module: string;
  /** The driver name it registers, which `driver_override` and `bind` need (`vfio-pci`). */
  readonly driver: string;
  /** How the driver name was learned: from the live `/sys/module`, a known table, or guessed. */
  readonly driverSource: 'sysfs' | 'known' | 'module-name';
  /** The `modules.alias` pattern that matched (the most specific one of this module). */
  readonly alias: string;
  readonly kind: CandidateKind;
  /** How specific the alias is: 2 per pinned ID field (vendor, device, subsystem), 1 per class field. */
  readonly score: number;
  /** Names of the pinned fields, e.g. `['vendor', 'device']`. */
  readonly pinned: readonly string[];
  /** One sentence a person can read: why this module matched. */
  readonly reason: string;
  /** From `modules.builtin.alias`: built into the kernel, nothing to load. */
  readonly builtin: boolean;
  /** The module is loaded now (`/sys/module/<m>` exists). */
  readonly loaded: boolean;
  /** The device is bound to this candidate's driver now. */
  readonly bound: boolean;
}

export type AliasSourceStatus = 'ok' | 'missing' | 'unreadable';

/** Where the alias database came from, and whether it could be read. */
export interface AliasSource {
  readonly status: AliasSourceStatus;
  /** The `modules.alias` file used or looked for. */
  readonly path: string | null;
  readonly builtinPath: string | null;
  readonly kernelRelease: string | null;
  readonly aliasCount: number;
  /** Plain words when status is not `ok`. */
  readonly message: string | null;
}

export interface CandidateReport {
  readonly deviceId: DeviceId | null;
  readonly modalias: string | null;
  /** Host drivers first (most specific first, ties by file order), then VFIO drivers. */
  readonly candidates: readonly Candidate[];
  /** The module chosen for VFIO (libvirt's rule), null when VFIO does not apply. */
  readonly vfio: string | null;
  /** The module the engine recommends for host use, null when none matches. */
  readonly recommended: string | null;
  readonly source: AliasSource;
  /** Why there is nothing to match, when that is the case (e.g. the bus has no modalias). */
  readonly note: string | null;
}
