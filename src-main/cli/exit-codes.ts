// Exit codes of `bindery` (README documents them).
import type { ErrorCode } from '../../src-shared/errors';

export const EXIT_OK = 0;
/** The input was wrong: usage, unknown device, bad modalias, unreadable file. */
export const EXIT_BAD_INPUT = 2;
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
