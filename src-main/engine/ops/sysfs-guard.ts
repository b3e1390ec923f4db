// Where a sysfs path really leads. Every path Bindery writes (or reads as root)
// is built from checked names and must still lead inside `<root>/sys` once
// symlinks are followed: a tree that was tampered with (a device directory, a
// driver or a whole bus replaced by a link elsewhere) is refused.
import fs from 'node:fs';
import path from 'node:path';
import { Refusal } from './attempt';
import { errnoOf } from './errno';

/** The real path of `<root>/sys`, which must be a directory itself, not a link to one. */
export function realSysfs(root: string): string {
  let sys: string;
  try {
    sys = path.join(fs.realpathSync(root), 'sys');
  } catch (error) {
    throw new Refusal(errnoOf(error), `The root ${root} cannot be opened (${errnoOf(error)}).`);
  }
  const stat = fs.lstatSync(sys, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new Refusal('EACCES', `${path.join(root, 'sys')} is missing or is a link, not the sysfs directory; refused.`);
  return sys;
}

function isInside(dir: string, candidate: string): boolean {
  return candidate === dir || candidate.startsWith(`${dir}${path.sep}`);
}

/**
 * The real path of `rel` (`/sys/...`, taken under the root), which must exist
 * and stay inside `sys`; `missing` is what a missing path means to the caller.
 */
export function realInside(root: string, sys: string, rel: string, missing: Refusal): string {
  let real: string;
  try {
    real = fs.realpathSync(path.join(root, rel));
  } catch (error) {
    const errno = errnoOf(error);
    if (errno === 'ENOENT' || errno === 'ENOTDIR') throw missing;
    throw new Refusal(errno, `${rel} cannot be followed (${errno}); refused.`);
  }
  if (!isInside(sys, real)) throw new Refusal('EACCES', `${rel} leads to ${real}, outside sysfs; refused.`);
  return real;
}

const MISSING = new Refusal('ENOENT', 'missing');

/** Like realInside, but null when the path does not exist. */
export function realInsideOrNull(root: string, sys: string, rel: string): string | null {
  try {
    return realInside(root, sys, rel, MISSING);
  } catch (error) {
    if (error === MISSING) return null;
    throw error;
  }
}
