// The five file steps of a sysfs script on the real filesystem, each one
// system call (or two) as a shell would make it, reported the way the
// simulator's runner reports them.
import fs from 'node:fs';
import path from 'node:path';
import { errnoOfError } from './errno-names';

const failure = (error: unknown): string => `err ${errnoOfError(error)}`;

/** `echo VALUE > PATH` or `printf`: open for writing (create, truncate), then one write(2) of all of `data`. */
export function writeFile(file: string, data: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'w');
  } catch (error) {
    return failure(error);
  }
  try {
    // latin1: each character of the step is one byte, as printf's \xHH escapes mean.
    fs.writeSync(fd, Buffer.from(data, 'latin1'));
    return 'ok';
  } catch (error) {
    return failure(error);
  } finally {
    fs.closeSync(fd);
  }
}

export function readFile(file: string): string {
  try {
    return (fs.readFileSync(file, 'latin1').split('\n', 1)[0] ?? '').trimEnd();
  } catch (error) {
    return failure(error);
  }
}

export function readLink(file: string): string {
  try {
    return path.posix.basename(fs.readlinkSync(file));
  } catch (error) {
    return failure(error);
  }
}

/** Names in byte order, like `ls` in the C locale. */
export function listDir(dir: string): string {
  try {
    return fs.readdirSync(dir).sort().join(' ');
  } catch (error) {
    return failure(error);
  }
}

export function exists(file: string): string {
  return fs.existsSync(file) ? 'yes' : 'no';
}
