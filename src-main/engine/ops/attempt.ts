// What one change came to: done; refused before anything reached the kernel
// (a name, path or file that is not what it must be); or failed (the kernel or
// modprobe said no). Both carry errno names, as the kernel would give them.

export type SysfsAttempt =
  | { readonly ok: true }
  | { readonly ok: false; readonly refused: boolean; readonly errno: string; readonly message: string };

export const DONE: SysfsAttempt = { ok: true };

export function refused(errno: string, message: string): SysfsAttempt {
  return { ok: false, refused: true, errno, message };
}

export function failed(errno: string, message: string): SysfsAttempt {
  return { ok: false, refused: false, errno, message };
}

/** Thrown by the checks on paths and files; whoever performs the change turns it into a refused attempt. */
export class Refusal extends Error {
  constructor(readonly errno: string, message: string) {
    super(message);
    this.name = 'Refusal';
  }
}
