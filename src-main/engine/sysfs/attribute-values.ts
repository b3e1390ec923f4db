// Typed values of attributes. Content that does not parse is a problem for
// the user (`EPARSE`), and the value is then unknown (null).
import path from 'node:path';
import type { SysfsTree } from './sysfs-tree';

function unparsable(tree: SysfsTree, dir: string, name: string, value: string, expected: string): null {
  tree.report(path.join(dir, name), 'EPARSE', `Expected ${expected}, found "${value}"`);
  return null;
}

/** A decimal count such as `sriov_numvfs` (`"%u\n"`). */
export function readCount(tree: SysfsTree, dir: string, name: string): number | null {
  const value = tree.text(dir, name);
  if (value === null) return null;
  return /^\d+$/.test(value) ? Number(value) : unparsable(tree, dir, name, value, 'a decimal number');
}

/** A `"%d\n"` or kstrtobool-style flag such as `drivers_autoprobe`: `1`/`0`. */
export function readFlag(tree: SysfsTree, dir: string, name: string): boolean | null {
  const value = tree.text(dir, name);
  if (value === null) return null;
  if (value === '1') return true;
  if (value === '0') return false;
  return unparsable(tree, dir, name, value, '1 or 0');
}

/** A hex ID exactly as sysfs prints it (`0x8086`); must match `pattern`. */
export function readHex(tree: SysfsTree, dir: string, name: string, pattern: RegExp, expected: string): string | null {
  const value = tree.text(dir, name);
  if (value === null) return null;
  return pattern.test(value) ? value : unparsable(tree, dir, name, value, expected);
}

/** The last component of a link, which must be a decimal number (`iommu_group` -> `12`). */
export function readNumberedLink(tree: SysfsTree, dir: string, name: string): number | null {
  const target = tree.linkName(dir, name);
  if (target === null) return null;
  return /^\d+$/.test(target) ? Number(target) : unparsable(tree, dir, name, target, 'a link to a numbered directory');
}
