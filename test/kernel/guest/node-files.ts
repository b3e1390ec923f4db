// The FileReader of observe.ts on the real filesystem of the guest.
import fs from 'node:fs';
import path from 'node:path';
import type { FileReader } from '../support/observe';

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export const nodeFiles: FileReader = {
  list: (dir) => attempt(() => fs.readdirSync(dir)),
  read: (file) => attempt(() => (fs.readFileSync(file, 'utf8').split('\n', 1)[0] ?? '').trimEnd()),
  link: (file) => attempt(() => path.posix.basename(fs.readlinkSync(file))),
};
