// Reading modules.alias and modules.builtin.alias: `alias <pattern> <module>`
// lines as depmod writes them (tools/depmod.c, output_aliases); and the
// `<module>.alias=<pattern>` strings of modules.builtin.modinfo, from which
// depmod builds modules.builtin.alias.bin (Debian ships no text version).
import { aliasNormalize } from './normalize';

export interface AliasEntry {
  /** The pattern as the file spells it, for people. */
  readonly pattern: string;
  /** kmod's normalised form, the one that is matched. */
  readonly normalized: string;
  readonly module: string;
  /** Position across the files read, modules.alias first: "file order". */
  readonly order: number;
  /** From modules.builtin.alias. */
  readonly builtin: boolean;
}

/** Parses one file; `firstOrder` continues the numbering of files read before it. */
export function parseAliasFile(text: string, builtin: boolean, firstOrder: number): AliasEntry[] {
  const entries: AliasEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('alias ')) continue;
    // The module is the last word; depmod writes the pattern verbatim before it.
    const body = line.slice(6).trimEnd();
    const space = body.lastIndexOf(' ');
    if (space <= 0) continue;
    const pattern = body.slice(0, space);
    const normalized = aliasNormalize(pattern);
    // depmod leaves such patterns out of modules.alias.bin, so kmod never matches them.
    if (normalized === null) continue;
    entries.push({ pattern, normalized, module: body.slice(space + 1), order: firstOrder + entries.length, builtin });
  }
  return entries;
}

/** The aliases of built-in modules in modules.builtin.modinfo (NUL-separated `module.key=value`). */
export function parseBuiltinModinfo(text: string, firstOrder: number): AliasEntry[] {
  const lines: string[] = [];
  for (const item of text.split('\0')) {
    const match = /^([^.=]+)\.alias=(\S+)$/.exec(item);
    if (match) lines.push(`alias ${match[2]} ${match[1]}`);
  }
  return parseAliasFile(lines.join('\n'), true, firstOrder);
}
