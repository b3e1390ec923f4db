// The privileged helper's protocol: `bindery-helper VERB` reads one JSON request
// on stdin and writes one JSON answer on stdout. The helper process, Bindery
// running as root (the same code in process) and the pkexec client share it.
import type { Operation } from '../../../../src-shared/plan';
import type { OperationResult } from '../../host/host';
import type { PciIds } from '../../persist/persisted-schema';

export const VERBS = ['apply', 'persist', 'unpersist', 'restore'] as const;
export type Verb = (typeof VERBS)[number];

export function isVerb(value: string): value is Verb {
  return (VERBS as readonly string[]).includes(value);
}

/** Where the packages install the helper, root-owned; the polkit policy names this path. */
export const HELPER_PATH = '/usr/libexec/bindery/bindery-helper';
export const PKEXEC_PATH = '/usr/bin/pkexec';
/** Real requests are a few hundred bytes. */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** A plan's steps for one IOMMU group fit easily; Bindery sends one per call. */
export const MAX_OPERATIONS = 32;

export type HelperRequest =
  /** Perform these operations in order, stopping at the first that does not succeed. */
  | { readonly verb: 'apply'; readonly operations: readonly Operation[] }
  /** Keep a PCI device (`0000:01:00.0`) on a driver at every boot; `ids` must match the card in the slot. */
  | { readonly verb: 'persist'; readonly device: string; readonly driver: string; readonly ids: PciIds }
  | { readonly verb: 'unpersist'; readonly device: string }
  /** Put persisted devices (all, or one) on their driver now. */
  | { readonly verb: 'restore'; readonly device?: string | undefined };

export type HelperStatus = 'done' | 'refused' | 'bad-request' | 'failed';

/** The helper's exit codes: done, refused (nothing changed), bad request (nothing looked at), failed. */
export const EXIT_CODES: { readonly [S in HelperStatus]: number } = { done: 0, refused: 1, 'bad-request': 2, failed: 3 };

/** Why something was not done, for people (title, detail, remedy) and for code (errno). */
export interface ChangeError {
  readonly errno: string;
  readonly title: string;
  readonly detail: string;
  readonly remedy: string | null;
}

export interface OperationReport {
  readonly operation: Operation;
  readonly result: OperationResult;
}

export type RestoreOutcome =
  | 'restored'
  /** On its driver already; nothing written. */
  | 'already'
  /** Not present now; the udev rule moves it when it appears. */
  | 'absent'
  /** Another card sits at that address: never touched. */
  | 'different-card'
  | 'failed';

export interface RestoreReport {
  readonly device: string;
  readonly driver: string;
  readonly outcome: RestoreOutcome;
  readonly detail: string;
}

export interface HelperAnswer {
  readonly status: HelperStatus;
  /** One line for people: what happened. */
  readonly summary: string;
  /** Null when done. */
  readonly error: ChangeError | null;
  /** Every operation performed, in order, with its result. */
  readonly results: readonly OperationReport[];
  /** restore only: what happened to each persisted device. */
  readonly restored: readonly RestoreReport[];
}
