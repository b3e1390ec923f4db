// One file per host in the state directory: the host id (`sim:workstation`,
// `tree:/home/me/capture`) made safe for a file name, still readable, and
// short enough for any filesystem.
import { createHash } from 'node:crypto';

const MAX_READABLE = 120;

export function hostFileName(hostId: string): string {
  // Percent-encoding leaves no `/` and stays distinct for distinct ids.
  const readable = encodeURIComponent(hostId);
  if (readable.length <= MAX_READABLE) return readable;
  const hash = createHash('sha256').update(hostId).digest('hex').slice(0, 16);
  return `${readable.slice(0, MAX_READABLE - 17)}~${hash}`;
}
