// Mounted filesystems, from /proc/self/mounts (fstab format: fields separated
// by spaces, with spaces and other characters inside fields escaped as \ooo).
import type { MountPoint } from '../system-facts';

function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMounts(text: string): MountPoint[] {
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length >= 3)
    .map(([source, target, fstype]) => ({ source: unescape(source ?? ''), target: unescape(target ?? ''), fstype: fstype ?? '' }));
}
