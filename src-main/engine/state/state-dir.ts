// Where Bindery keeps per-user state (simulated hosts now; journals and
// history of applied plans later): $XDG_STATE_HOME/bindery, by default
// ~/.local/state/bindery (XDG Base Directory specification).
import os from 'node:os';
import path from 'node:path';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  // The specification says relative paths are invalid and must be ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME ?? os.homedir(), '.local', 'state');
  return path.join(base, 'bindery');
}
