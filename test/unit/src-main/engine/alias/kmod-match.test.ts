// kmod's way of testing a pattern: literal up to the first wildcard, fnmatch
// for the rest, both sides normalised. Checked against modprobe -R on a small
// tree of odd patterns, so the corners are kmod's and glibc's, not guesses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAliasFile } from '../../../../../src-main/engine/alias/alias-file';
import { AliasIndex } from '../../../../../src-main/engine/alias/alias-index';
import { fnmatch } from '../../../../../src-main/engine/alias/fnmatch';
import { kmodMatch, literalPrefixLength } from '../../../../../src-main/engine/alias/kmod-match';
import { aliasNormalize } from '../../../../../src-main/engine/alias/normalize';
import type { KmodTree } from '../../../../../src-main/bench/kmod-tree';
import { buildKmodTree, modprobeResolveAll } from '../../../../../src-main/bench/kmod-tree';

const ODD_ALIASES = String.raw`
alias star:*/x m_star_slash
alias q:a?c m_question
alias br:[a-c]x m_range
alias br:[!a-c]x m_negated
alias br:[^a-c]y m_caret
alias br:[]]z m_dropped_close
alias unbalanced:[ab m_dropped_open
alias dash-name:x-[a-c] m_dash
alias dash:[x-z]-1 m_dash_in_class
alias esc:a*\* m_escape_after_wildcard
alias esc:x\y* m_backslash_before_wildcard
alias exact:abc m_exact
alias exact:a\bc m_exact_backslash
alias cls:[[:digit:]* m_unterminated_class
alias qm:?? m_two
alias *:any m_wild_prefix
alias acpi*:PNP0A03:* m_acpi
`;

const KEYS = [
  'star:/x', 'star:a/b/x', 'star:x', 'q:abc', 'q:a/c', 'q:ac', 'br:bx', 'br:dx', 'br:ay', 'br:dy', 'br:]z',
  'unbalanced:a', 'dash-name:x-b', 'dash_name:x_b', 'dash-name:x-d', 'dash:y-1', 'dash:y_1', 'dash:--1', 'esc:ab*',
  'esc:abc', 'esc:x\\yz', 'esc:xyz', 'exact:abc', 'exact:a\\bc', 'exact:abc\\', 'cls:5', 'cls:[d]', 'cls:[x]', 'qm:ab',
  'qm:a', 'foo:any', ':any', 'acpi:PNP0A03:', 'acpiX:PNP0A03:foo', 'acpi:PNP0A08:',
];

describe('kmodMatch', () => {
  it('compares literally up to the first *, ? or [', () => {
    expect(literalPrefixLength('pci:v00008086d00001572sv*sd*bc*sc*i*')).toBe(24);
    expect(literalPrefixLength('platform:serial8250')).toBe(19);
    expect(literalPrefixLength('acpi*:PNP0A03:*')).toBe(4);
  });

  it('treats a backslash before the first wildcard as a plain character, unlike fnmatch', () => {
    expect(kmodMatch('esc:x\\y*', 'esc:x\\yz')).toBe(true);
    expect(fnmatch('esc:x\\y*', 'esc:x\\yz')).toBe(false);
    expect(kmodMatch('esc:x\\y*', 'esc:xyz')).toBe(false);
    expect(kmodMatch('esc:a*\\*', 'esc:ab*')).toBe(true);
    expect(kmodMatch('esc:a*\\*', 'esc:abc')).toBe(false);
  });
});

describe('odd patterns, against modprobe -R', () => {
  let dir: string;
  let tree: KmodTree;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-kmod-odd-'));
    tree = buildKmodTree(dir, '0.0.0-odd', ODD_ALIASES);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds for each key what kmod finds', async () => {
    const index = new AliasIndex(parseAliasFile(ODD_ALIASES, false, 0));
    const kmod = await modprobeResolveAll(tree, KEYS, 50, 1);
    const ours = KEYS.map((key) => {
      const normalized = aliasNormalize(key);
      return normalized === null ? [] : index.lookup(normalized).map((entry) => entry.module);
    });
    const table = (answers: string[][]): Record<string, string> =>
      Object.fromEntries(KEYS.map((key, i) => [key, [...new Set(answers[i])].sort().join(' ')]));
    expect(table(ours)).toEqual(table(kmod));
    // The corners this covers, as kmod answered them.
    expect(table(kmod)).toMatchObject({
      'star:a/b/x': 'm_star_slash',
      'foo:any': 'm_wild_prefix',
      'br:dx': 'm_negated',
      'dash-name:x-b': 'm_dash',
      'dash:y-1': 'm_dash_in_class',
      'dash:--1': '',
      'esc:x\\yz': 'm_backslash_before_wildcard',
      'esc:xyz': '',
      'exact:a\\bc': 'm_exact_backslash',
      'cls:5': '',
      // glibc reads the unterminated `[` as a character, then `[:digit:]` as a plain list.
      'cls:[d]': 'm_unterminated_class',
      'acpi:PNP0A03:': 'm_acpi',
    });
    expect(Object.values(table(kmod)).join(' ')).not.toMatch(/m_dropped/);
  });
});
