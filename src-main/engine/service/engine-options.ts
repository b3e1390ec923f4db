// Options every entry point shares (CLI, bridge, app): which tree to read and
// which alias database to use. Checked here so each entry reports bad input alike.
import fs from 'node:fs';
import path from 'node:path';
import { BinderyFailure, bindery, toBinderyError } from '../../../src-shared/errors';
import type { BinderyError } from '../../../src-shared/errors';

export interface EngineOptions {
  /** Directory containing `sys/`. */
  readonly sysfsRoot: string;
  /** An explicit modules.alias, overriding the running kernel's. */
  readonly modulesAlias: string | null;
}

/** For node:util parseArgs. */
export const ENGINE_OPTION_SPEC = {
  'sysfs-root': { type: 'string' },
  'modules-alias': { type: 'string' },
} as const;

export function engineOptionsFrom(values: { 'sysfs-root'?: string; 'modules-alias'?: string }): EngineOptions {
  const sysfsRoot = path.resolve(values['sysfs-root'] ?? '/');
  if (!fs.existsSync(path.join(sysfsRoot, 'sys', 'bus'))) {
    throw new BinderyFailure(
      bindery('BAD_INPUT', 'Not a sysfs tree', `${sysfsRoot} has no sys/bus folder.`,
        'Pass the directory that contains sys/ (for a tree captured at /tmp/host/sys, pass /tmp/host).'),
    );
  }
  const modulesAlias = values['modules-alias'] === undefined ? null : path.resolve(values['modules-alias']);
  if (modulesAlias !== null) {
    try {
      fs.accessSync(modulesAlias, fs.constants.R_OK);
      if (!fs.statSync(modulesAlias).isFile()) throw new Error('not a file');
    } catch {
      throw new BinderyFailure(
        bindery('UNREADABLE_FILE', 'Cannot read modules.alias', `${modulesAlias} is not a readable file.`,
          'Check the path; the file is usually /lib/modules/$(uname -r)/modules.alias.'),
      );
    }
  }
  return { sysfsRoot, modulesAlias };
}

/** Command-line parse errors are the user's input, not Bindery's failure. */
export function commandLineError(thrown: unknown): BinderyError {
  const code = thrown instanceof Error && 'code' in thrown ? String(thrown.code) : '';
  if (code.startsWith('ERR_PARSE_ARGS')) {
    return bindery('BAD_INPUT', 'Invalid command line', (thrown as Error).message);
  }
  return toBinderyError(thrown);
}
