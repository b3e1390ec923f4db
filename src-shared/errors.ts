// Errors are data: they cross process boundaries and reach people, so each one
// says what happened and what to do about it.

export type ErrorCode =
  | 'BAD_INPUT'
  | 'BAD_MODALIAS'
  | 'UNKNOWN_DEVICE'
  | 'UNKNOWN_METHOD'
  | 'UNREADABLE_FILE'
  | 'NO_MODULES_ALIAS'
  | 'SYSFS_UNREADABLE'
  | 'FORBIDDEN_SENDER'
  | 'TRANSPORT'
  | 'INTERNAL'
  /** A plan was not applied: a safety finding, a stale plan, a host busy with another plan. */
  | 'REFUSED'
  /** A step of a plan failed or did not take effect; what it changed was undone. */
  | 'STEP_FAILED'
  /** Undoing a failed plan did not bring every device back: someone must look. */
  | 'ROLLBACK_FAILED';

export interface BinderyError {
  readonly code: ErrorCode;
  /** Short, for a heading: "No such device". */
  readonly title: string;
  /** What exactly happened, with the names involved. */
  readonly detail: string;
  /** What the person can do about it; null when nothing helps. */
  readonly remedy: string | null;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: BinderyError };

export function bindery(code: ErrorCode, title: string, detail: string, remedy: string | null = null): BinderyError {
  return { code, title, detail, remedy };
}

/** An exception that carries a BinderyError, for code that prefers throwing. */
export class BinderyFailure extends Error {
  readonly error: BinderyError;
  constructor(error: BinderyError) {
    super(`${error.title}: ${error.detail}`);
    this.name = 'BinderyFailure';
    this.error = error;
  }
}

export function isBinderyError(value: unknown): value is BinderyError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.title === 'string' && typeof v.detail === 'string'
    && (v.remedy === null || typeof v.remedy === 'string');
}

/** Any thrown value as a BinderyError; unexpected ones become INTERNAL. */
export function toBinderyError(thrown: unknown): BinderyError {
  if (thrown instanceof BinderyFailure) return thrown.error;
  if (isBinderyError(thrown)) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return bindery('INTERNAL', 'Something went wrong inside Bindery', detail,
    'Try again; if it keeps happening, report it with the steps that led here.');
}
