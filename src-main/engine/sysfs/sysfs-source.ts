// Where a sysfs tree's bytes come from: the real filesystem (the live machine
// or a captured tree), or the simulated kernel's tree. The reader sees only
// this interface, so a simulated host is read by exactly the same code.
// Failures are thrown as errors with an errno `code` (ENOENT, EACCES, ...).
import fs from 'node:fs';

export interface SourceEntry {
  readonly name: string;
  /** What the entry itself is; a symlink is `link`, whatever it points at. */
  readonly kind: 'dir' | 'file' | 'link';
}

export interface SysfsSource {
  /** A whole text attribute; a symlink in its place is refused (ELOOP), as O_NOFOLLOW does. */
  readAttribute(path: string): string;
  /** Up to `count` bytes from the start of a binary attribute such as `config`. */
  readBytes(path: string, count: number): Uint8Array;
  /** The target of a symlink, as stored (usually relative). */
  readLink(path: string): string;
  /** The path with every symlink resolved. */
  realPath(path: string): string;
  list(path: string): readonly SourceEntry[];
  /** Whether the path, following symlinks, is a directory. */
  isDirectory(path: string): boolean;
}

// Attribute files are never symlinks in sysfs; refusing them keeps a captured
// tree from making us read a file outside it.
const ATTRIBUTE_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW;

let buffer = Buffer.alloc(8192);

/**
 * sysfs hands over a text attribute in one read and reports a size (4096)
 * that is not the content's, so read until a short read.
 */
function readWhole(file: string): string {
  const fd = fs.openSync(file, ATTRIBUTE_FLAGS);
  try {
    let length = 0;
    for (;;) {
      const wanted = buffer.length - length;
      const got = fs.readSync(fd, buffer, length, wanted, null);
      length += got;
      if (got < wanted) return buffer.toString('utf8', 0, length);
      const bigger = Buffer.alloc(buffer.length * 2);
      buffer.copy(bigger);
      buffer = bigger;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(entry: fs.Dirent): SourceEntry['kind'] {
  if (entry.isSymbolicLink()) return 'link';
  return entry.isDirectory() ? 'dir' : 'file';
}

export const filesystemSource: SysfsSource = {
  readAttribute: readWhole,
  readBytes(path, count) {
    const fd = fs.openSync(path, ATTRIBUTE_FLAGS);
    try {
      const bytes = Buffer.alloc(count);
      return bytes.subarray(0, fs.readSync(fd, bytes, 0, count, 0));
    } finally {
      fs.closeSync(fd);
    }
  },
  readLink: (path) => fs.readlinkSync(path),
  realPath: (path) => fs.realpathSync.native(path),
  list: (path) => fs.readdirSync(path, { withFileTypes: true }).map((entry) => ({ name: entry.name, kind: kindOf(entry) })),
  isDirectory: (path) => fs.statSync(path).isDirectory(),
};
