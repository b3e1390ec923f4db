// Opening a sysfs root for a scan. This is the one failure that stops a scan:
// without `sys/bus` there is nothing to show.
import path from 'node:path';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import { reasonOf } from './problems';
import type { SourceEntry, SysfsSource } from './sysfs-source';
import { SysfsTree } from './sysfs-tree';

function remedyFor(root: string, source: SysfsSource): string {
  if (root === '/') return 'Bindery reads devices from /sys. Check that sysfs is mounted there (mount -t sysfs sysfs /sys).';
  // A common slip: pointing at the captured sys/ directory instead of the one above it.
  if (path.basename(root) === 'sys' && isDirectory(source, path.join(root, 'bus'))) {
    return `Use the directory that contains sys/ as the root: ${path.dirname(root)}`;
  }
  return 'Use as the root a directory that contains a sys/ tree (sys/bus, sys/devices), such as a captured tree.';
}

function isDirectory(source: SysfsSource, abs: string): boolean {
  try {
    return source.isDirectory(abs);
  } catch {
    return false;
  }
}

function unreadable(root: string, shown: string, error: unknown, source: SysfsSource): BinderyFailure {
  return new BinderyFailure(bindery(
    'SYSFS_UNREADABLE',
    'Cannot read the device tree',
    `${shown} cannot be read: ${reasonOf(error)}.`,
    remedyFor(root, source),
  ));
}

/** The tree and the entries of its `sys/bus`; throws a BinderyFailure when `sys/bus` cannot be read. */
export function openTree(root: string, source: SysfsSource): { tree: SysfsTree; busEntries: readonly SourceEntry[] } {
  const absolute = path.resolve(root);
  let real: string;
  try {
    real = source.realPath(absolute);
  } catch (error) {
    throw unreadable(absolute, absolute, error, source);
  }
  const busDir = path.join(real, 'sys/bus');
  try {
    return { tree: new SysfsTree(real, source), busEntries: source.list(busDir) };
  } catch (error) {
    throw unreadable(real, busDir, error, source);
  }
}
