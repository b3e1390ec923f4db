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
  /** The host to show first: `local` (this computer or the --sysfs-root tree) or `sim:SCENARIO`. */
  readonly host: string;
}

/** For node:util parseArgs. `--demo NAME` is the app's and the bridge's word for `--host sim:NAME`. */
export const ENGINE_OPTION_SPEC = {
  'sysfs-root': { type: 'string' },
  'modules-alias': { type: 'string' },
  host: { type: 'string' },
  demo: { type: 'string' },
} as const;

export interface EngineOptionValues {
  'sysfs-root'?: string;
  'modules-alias'?: string;
  host?: string;
  demo?: string;
}

function hostFrom(values: EngineOptionValues): string {
  if (values.host !== undefined && values.demo !== undefined) {
    throw new BinderyFailure(bindery('BAD_INPUT', 'Two hosts given', '--host and --demo both name the host to show.', 'Give one of them.'));
  }
  const host = values.demo !== undefined ? `sim:${values.demo}` : (values.host ?? 'local');
  if (host !== 'local' && !/^sim:[a-z0-9][a-z0-9-]*$/.test(host)) {
    throw new BinderyFailure(
      bindery('BAD_INPUT', 'Unknown host', `"${values.host ?? values.demo}" is not a host.`,
        'Use --host local, or --host sim:SCENARIO (--demo SCENARIO in the app); bindery sim list shows the scenarios.'),
    );
  }
  if (host !== 'local' && values['sysfs-root'] !== undefined) {
    throw new BinderyFailure(
      bindery('BAD_INPUT', 'Two hosts given', `--sysfs-root names a tree to read, and ${values.demo !== undefined ? '--demo' : '--host'} a simulation.`,
        'Give one of them.'),
    );
  }
  return host;
}

export function engineOptionsFrom(values: EngineOptionValues): EngineOptions {
  const host = hostFrom(values);
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
  return { sysfsRoot, modulesAlias, host };
}

/** Command-line parse errors are the user's input, not Bindery's failure. */
export function commandLineError(thrown: unknown): BinderyError {
  const code = thrown instanceof Error && 'code' in thrown ? String(thrown.code) : '';
  if (code.startsWith('ERR_PARSE_ARGS')) {
    return bindery('BAD_INPUT', 'Invalid command line', (thrown as Error).message);
  }
  return toBinderyError(thrown);
}
