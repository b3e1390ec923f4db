// The results of the simulated kernel: errno names as userspace sees them
// (a sysfs write failing with -ENODEV shows up as ENODEV), in a typed result.
// Only programming errors throw.

export const ERRNO_NAMES = [
  'EPERM', 'ENOENT', 'EIO', 'ENXIO', 'E2BIG', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EBUSY', 'EEXIST',
  'ENODEV', 'ENOTDIR', 'EISDIR', 'EINVAL', 'ENOSPC', 'ENOTTY', 'ERANGE', 'ELOOP', 'EUSERS', 'EOPNOTSUPP',
] as const;

export type Errno = (typeof ERRNO_NAMES)[number];

/**
 * What a driver's probe may return: any errno, or the kernel-internal
 * EPROBE_DEFER, which `bind` turns into EAGAIN (kernel-abi.md 1.4).
 */
export type ProbeErrno = Errno | 'EPROBE_DEFER';

export type SimResult<T = void> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errno: Errno };

export function ok(): SimResult<void>;
export function ok<T>(value: T): SimResult<T>;
export function ok<T>(value?: T): SimResult<T | undefined> {
  return { ok: true, value };
}

export function fail<T = void>(errno: Errno): SimResult<T> {
  return { ok: false, errno };
}
