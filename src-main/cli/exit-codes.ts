// Exit codes of `bindery` (README documents them).
import type { ErrorCode } from '../../src-shared/errors';

export const EXIT_OK = 0;
/** A safety check refused the plan, or authentication was cancelled: nothing changed. */
export const EXIT_REFUSED = 1;
/** The input was wrong: usage, unknown device, bad modalias, unreadable file. */
export const EXIT_BAD_INPUT = 2;
/** A step failed; what it changed was rolled back (or could not be: the message says). */
export const EXIT_FAILED = 3;
/** The host lacks what the command needs (no modules.alias, unreadable sysfs). */
export const EXIT_UNAVAILABLE = 4;
/** A bug in Bindery. */
export const EXIT_INTERNAL = 5;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'NO_MODULES_ALIAS':
    case 'SYSFS_UNREADABLE':
      return EXIT_UNAVAILABLE;
    case 'INTERNAL':
    case 'TRANSPORT':
      return EXIT_INTERNAL;
    default:
      return EXIT_BAD_INPUT;
  }
}
