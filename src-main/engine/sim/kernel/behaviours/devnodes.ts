// Character and block device numbers of the class devices drivers create.
// Dynamic majors are fixed here to plausible values; minors follow the
// device's number.
import type { DevNode } from '../state';

const MAJORS = {
  misc: 10,
  drm: 226,
  blkext: 259,
  nvme: 241,
  vfio: 243,
  'vhost-vdpa': 240,
  vduse: 239,
  virtblk: 253,
} as const;

export function devnode(kind: keyof typeof MAJORS, minor: number, name: string): DevNode {
  return { major: MAJORS[kind], minor, name };
}
