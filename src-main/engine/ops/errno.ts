// Node's system errors carry the errno name (`ENODEV`) as `code`, which is what
// the kernel said; anything else is reported as a plain I/O error.

export function errnoOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]{1,15}$/.test(code) ? code : 'EIO';
}
