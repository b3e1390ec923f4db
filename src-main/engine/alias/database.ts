// A host's alias database: modules.alias (plus the built-in aliases beside
// it) read once and indexed. Loading never throws: what went wrong is in
// `source`, in words, and the database then simply matches nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { AliasSource } from '../../../src-shared/candidates';
import type { AliasEntry } from './alias-file';
import { parseAliasFile, parseBuiltinModinfo } from './alias-file';
import { AliasIndex } from './alias-index';
import { locateModulesAlias } from './locate';

export interface AliasDatabase {
  readonly source: AliasSource;
  readonly index: AliasIndex;
  /** The `vfio_pci:` entries in file order, for the VFIO choice. */
  readonly vfioEntries: readonly AliasEntry[];
}

export interface LoadAliasOptions {
  /** The directory containing sys/ ('/' = the live machine). */
  readonly root: string;
  /** `uname -r` of the live machine; null for a captured tree. */
  readonly kernelRelease: string | null;
  /** An explicit file (the CLI's --modules-alias), which wins over the search. */
  readonly modulesAliasFile?: string | null;
}

export function loadAliasDatabase(options: LoadAliasOptions): AliasDatabase {
  const location = locateModulesAlias(options);
  if (!location.found) {
    return empty({
      status: 'missing', path: location.path, builtinPath: null, kernelRelease: location.kernelRelease,
      aliasCount: 0, message: location.message,
    });
  }
  const file = location.path;
  const text = readText(file);
  if (typeof text !== 'string') {
    return empty({
      status: text.code === 'ENOENT' ? 'missing' : 'unreadable', path: file, builtinPath: null,
      kernelRelease: location.kernelRelease, aliasCount: 0,
      message: `Cannot read ${file}: ${text.words}. Pass --modules-alias with a modules.alias file Bindery can read.`,
    });
  }
  const entries = parseAliasFile(text, false, 0);
  const builtin = readBuiltin(path.dirname(file), entries.length);
  const all = [...entries, ...builtin.entries];
  const index = new AliasIndex(all);
  return {
    source: {
      status: 'ok',
      path: file,
      builtinPath: builtin.path,
      kernelRelease: location.kernelRelease,
      aliasCount: all.length,
      message: entries.length === 0
        ? `${file} holds no alias lines, so no driver can be matched. Is it a modules.alias file?`
        : builtin.problem,
    },
    index,
    vfioEntries: index.withPrefix('vfio_pci:'),
  };
}

interface Builtin {
  readonly entries: readonly AliasEntry[];
  readonly path: string | null;
  readonly problem: string | null;
}

/**
 * Aliases of drivers built into the kernel: modules.builtin.alias where a
 * distribution writes one, else the modules.builtin.modinfo the kernel installs.
 */
function readBuiltin(dir: string, firstOrder: number): Builtin {
  for (const name of ['modules.builtin.alias', 'modules.builtin.modinfo']) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    const text = readText(file);
    if (typeof text !== 'string') {
      return { entries: [], path: null, problem: `${file} could not be read (${text.words}), so built-in drivers are left out.` };
    }
    const entries = name === 'modules.builtin.alias' ? parseAliasFile(text, true, firstOrder) : parseBuiltinModinfo(text, firstOrder);
    return { entries, path: file, problem: null };
  }
  return { entries: [], path: null, problem: null };
}

function empty(source: AliasSource): AliasDatabase {
  return { source, index: new AliasIndex([]), vfioEntries: [] };
}

interface ReadFailure {
  readonly code: string;
  readonly words: string;
}

function readText(file: string): string | ReadFailure {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
    return { code, words: ERRNO_WORDS[code] ?? `${code} (${error instanceof Error ? error.message : String(error)})` };
  }
}

const ERRNO_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOENT: 'it does not exist',
  ELOOP: 'it is a symbolic link loop',
  EIO: 'an input/output error',
};
