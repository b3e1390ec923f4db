// The one way Bindery writes to sysfs. The directory must lead inside sysfs;
// the attribute must be a regular file with one link before it is opened (so
// nothing else, not even a FIFO or a device node, is ever opened for writing),
// is opened without following a link and without creating anything (sysfs
// cannot create files), must still be that same file once open (inode, and
// its path through /proc/self/fd, so a swap between check and open is
// caught), and gets its bytes in one write(2), because sysfs acts on each
// write as a whole. No O_TRUNC: it would act before the checks on the open file.
import fs from 'node:fs';
import path from 'node:path';
import { DONE, Refusal, failed } from './attempt';
import type { SysfsAttempt } from './attempt';
import { errnoOf } from './errno';
import { realInside } from './sysfs-guard';

// O_NONBLOCK: should a FIFO be swapped in after the check, the open fails (ENXIO) instead of hanging.
const WRITE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;

/** What `file` is, refused unless it is a regular file with one link. */
function checkAttribute(file: string, rel: string): fs.Stats {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw new Refusal(errnoOf(error), `${rel} cannot be looked at (${errnoOf(error)}); refused.`);
  }
  if (!stat) throw new Refusal('ENOENT', `${rel} does not exist.`);
  if (stat.isSymbolicLink()) throw new Refusal('ELOOP', `${rel} is a symbolic link, not a sysfs attribute; refused.`);
  if (stat.isDirectory()) throw new Refusal('EISDIR', `${rel} is a directory, not a sysfs attribute; refused.`);
  if (!stat.isFile() || stat.nlink !== 1) {
    throw new Refusal('EACCES', `${rel} is not a sysfs attribute (a regular file with one link); refused.`);
  }
  return stat;
}

function openAttribute(file: string, rel: string): number {
  try {
    return fs.openSync(file, WRITE_FLAGS);
  } catch (error) {
    throw new Refusal(errnoOf(error), `${rel} cannot be opened for writing (${errnoOf(error)}); refused.`);
  }
}

/** The open file must be the one that was checked, at the path that was meant. */
function checkOpened(fd: number, checked: fs.Stats, file: string, rel: string): void {
  const stat = fs.fstatSync(fd);
  let opened: string;
  try {
    opened = fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch (error) {
    throw new Refusal(errnoOf(error), `Cannot tell which file ${rel} opened (/proc is needed); refused.`);
  }
  if (stat.ino !== checked.ino || stat.dev !== checked.dev || stat.nlink !== 1 || opened !== file) {
    throw new Refusal('EACCES', `${rel} changed while it was being opened; refused.`);
  }
}

/** Writes `data` to the attribute `rel` (`/sys/...` under the root); `sys` is the real sysfs directory. */
export function writeAttribute(root: string, sys: string, rel: string, data: string): SysfsAttempt {
  const dir = realInside(root, sys, path.posix.dirname(rel), new Refusal('ENOENT', `${path.posix.dirname(rel)} does not exist.`));
  const file = path.join(dir, path.posix.basename(rel));
  const checked = checkAttribute(file, rel);
  const fd = openAttribute(file, rel);
  try {
    checkOpened(fd, checked, file, rel);
    const bytes = Buffer.from(data, 'utf8');
    const what = `write ${JSON.stringify(data.trimEnd())} to ${rel}`;
    let written: number;
    try {
      written = fs.writeSync(fd, bytes);
    } catch (error) {
      return failed(errnoOf(error), `${what}: ${errnoOf(error)}`);
    }
    return written === bytes.length ? DONE : failed('EIO', `${what}: only ${written} of ${bytes.length} bytes were taken`);
  } finally {
    fs.closeSync(fd);
  }
}
