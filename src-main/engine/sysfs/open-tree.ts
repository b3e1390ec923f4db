// Opening a sysfs root for a scan. This is the one failure that stops a scan:
// without `sys/bus` there is nothing to show.
import fs from 'node:fs';
import path from 'node:path';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import { reasonOf } from './problems';
import { SysfsTree } from './sysfs-tree';

function remedyFor(root: string): string {
  if (root === '/') return 'Bindery reads devices from /sys. Check that sysfs is mounted there (mount -t sysfs sysfs /sys).';
  // A common slip: pointing at the captured sys/ directory instead of the one above it.
  if (fs.existsSync(path.join(root, 'bus')) && path.basename(root) === 'sys') {
    return `Use the directory that contains sys/ as the root: ${path.dirname(root)}`;
  }
  return 'Use as the root a directory that contains a sys/ tree (sys/bus, sys/devices), such as a captured tree.';
}

function unreadable(root: string, shown: string, error: unknown): BinderyFailure {
  return new BinderyFailure(bindery(
    'SYSFS_UNREADABLE',
    'Cannot read the device tree',
    `${shown} cannot be read: ${reasonOf(error)}.`,
    remedyFor(root),
  ));
}

/** The tree and the entries of its `sys/bus`; throws a BinderyFailure when `sys/bus` cannot be read. */
export function openTree(root: string): { tree: SysfsTree; busEntries: fs.Dirent[] } {
  const absolute = path.resolve(root);
  let real: string;
  try {
    real = fs.realpathSync.native(absolute);
  } catch (error) {
    throw unreadable(absolute, absolute, error);
  }
  const busDir = path.join(real, 'sys/bus');
  try {
    return { tree: new SysfsTree(real), busEntries: fs.readdirSync(busDir, { withFileTypes: true }) };
  } catch (error) {
    throw unreadable(real, busDir, error);
  }
}
