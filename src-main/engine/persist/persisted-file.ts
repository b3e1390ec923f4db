// /etc/bindery/persisted.json: written by root only (the helper), 0644 so the
// unprivileged app can show what is kept. Replaced atomically and synced,
// because a half-written file would be read at the next boot.
import fs from 'node:fs';
import path from 'node:path';
import { bindery } from '../../../src-shared/errors';
import type { Result } from '../../../src-shared/errors';
import { PersistedStateSchema } from './persisted-schema';
import type { PersistedState } from './persisted-schema';

export const PERSISTED_FILE = '/etc/bindery/persisted.json';
const MAX_FILE_BYTES = 1024 * 1024;

export const NOTHING_PERSISTED: PersistedState = { version: 1, devices: [] };

export function persistedPath(root: string): string {
  return path.join(root, PERSISTED_FILE);
}

function unreadable(detail: string): Result<PersistedState> {
  return {
    ok: false,
    error: bindery('UNREADABLE_FILE', 'The list of kept devices cannot be read', detail,
      `Fix or remove ${PERSISTED_FILE} (as root); Bindery then starts a new one.`),
  };
}

/** What is kept; a missing file means nothing is. Reads as any user. */
export function readPersisted(root: string): Result<PersistedState> {
  const file = persistedPath(root);
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return unreadable(`${file} is larger than 1 MiB.`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: NOTHING_PERSISTED };
    return unreadable(`${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable(`${file} is not valid JSON.`);
  }
  const parsed = PersistedStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return unreadable(`${file}: ${issue?.path.map(String).join('.') || 'the file'}: ${issue?.message ?? 'not valid'}.`);
  }
  return { ok: true, value: parsed.data };
}

/** Replaces the file (as root): a new file beside it, 0644, synced, renamed over, the directory synced. */
export function writePersisted(root: string, state: PersistedState): void {
  const file = persistedPath(root);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW;
  const fd = fs.openSync(temporary, flags, 0o644);
  try {
    // The umask must not make it unreadable to the app.
    fs.fchmodSync(fd, 0o644);
    fs.writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  const dirFd = fs.openSync(dir, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY);
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}
