// Writes that survive the machine stopping, not only the process: a change
// that hangs the display ends with a hard reset, and the journal must still
// be there at the next start.
import fs from 'node:fs';
import path from 'node:path';

/** Readers see the old or the new content, never half; the new one is on disk when this returns. */
export function writeDurably(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  // The rename itself lives in the directory.
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
