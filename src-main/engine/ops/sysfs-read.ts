// Small reads the privileged side makes before it changes anything (a device's
// IDs, its override, its driver): with the same guards as writes, and never
// more than a page, so a tampered tree cannot point a root process at a huge
// or endless file.
import fs from 'node:fs';
import path from 'node:path';
import { Refusal } from './attempt';
import { errnoOf } from './errno';
import { realInsideOrNull } from './sysfs-guard';

const PAGE = 4096;
const READ_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;

/** The content of attribute `rel` (`/sys/...`), or null when it or its directory does not exist. */
export function readAttribute(root: string, sys: string, rel: string): string | null {
  const dir = realInsideOrNull(root, sys, path.posix.dirname(rel));
  if (dir === null) return null;
  let fd: number;
  try {
    fd = fs.openSync(path.join(dir, path.posix.basename(rel)), READ_FLAGS);
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'ENOENT') return null;
    throw new Refusal(errno, errno === 'ELOOP' ? `${rel} is a symbolic link, not a sysfs attribute; refused.` : `${rel} cannot be read (${errno}).`);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Refusal('EACCES', `${rel} is not a sysfs attribute; refused.`);
    const buffer = Buffer.alloc(PAGE);
    const length = fs.readSync(fd, buffer, 0, PAGE, 0);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** The name a link in `rel`'s directory points to (a device's `driver`), or null when there is no link. */
export function readLinkName(root: string, sys: string, rel: string): string | null {
  const dir = realInsideOrNull(root, sys, path.posix.dirname(rel));
  if (dir === null) return null;
  try {
    return path.posix.basename(fs.readlinkSync(path.join(dir, path.posix.basename(rel))));
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'ENOENT' || errno === 'EINVAL') return null;
    throw new Refusal(errno, `${rel} cannot be read (${errno}).`);
  }
}
