// fnmatch against glibc's fnmatch(pattern, string, 0): a table of known
// answers (each one checked against glibc 2.36, Debian 12), then random
// patterns compared with the system's own glibc through python3's ctypes.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fnmatch } from '../../../../../src-main/engine/alias/fnmatch';
import { seededRandom } from './support/oracle-keys';

/** [pattern, string, glibc's answer]. */
const GLIBC: readonly (readonly [string, string, boolean])[] = [
  // `*` and `?` cross `/` and match a leading `.` (no FNM_PATHNAME, no FNM_PERIOD).
  ['pci:v*d*', 'pci:v00008086d00001572', true],
  ['a*c', 'a/b/c', true],
  ['*', '', true],
  ['*', '/', true],
  ['a?c', 'a/c', true],
  ['?', '', false],
  ['??', 'a', false],
  ['.*', '.hidden', true],
  ['*x', 'x/.x', true],
  ['a**b', 'ab', true],
  ['Abc', 'abc', false],
  // Ranges, as USB bcdDevice aliases use them.
  ['d0[0-2]*', 'd0150', true],
  ['d0[0-2]*', 'd0350', false],
  ['[c-a]', 'b', false],
  ['[a-c-e]', 'd', false],
  ['[a-c-e]', '-', true],
  ['[a-]', '-', true],
  ['[-a]', '-', true],
  // Negation with `!` or `^`; a `]` first in the list is an ordinary character.
  ['[!a]', 'b', true],
  ['[!a]', 'a', false],
  ['[^a]', 'b', true],
  ['[!a]', '/', true],
  ['[]a]', ']', true],
  ['[!]a]', ']', false],
  ['[!]a]', 'b', true],
  ['[a]]', 'a]', true],
  // Backslash escapes, inside brackets too; a trailing backslash matches nothing.
  ['\\*', '*', true],
  ['\\*', 'a', false],
  ['\\a', 'a', true],
  ['a\\', 'a', false],
  ['a\\', 'a\\', false],
  ['[\\]]', ']', true],
  ['[\\-a]', 'b', false],
  ['[a\\-c]', 'b', false],
  ['[a\\-c]', '-', true],
  // Classes, equivalence classes and collating symbols of the C locale.
  ['[[:digit:]]', '5', true],
  ['[[:upper:]]', 'a', false],
  ['[[:foo:]]', 'a', false],
  ['[[=a=]]', 'a', true],
  ['[[.-.]]', '-', true],
  // An unterminated `[` is an ordinary character, unless an item before the end matched.
  ['[[:alpha:]', 'a', false],
  ['[[:alpha:]', '[:', true],
  ['[ab', 'a', false],
  ['[ab', '[ab', true],
  ['x[]', 'x[]', true],
  ['[[', '[[', true],
  ['[', '[', true],
  ['*[', 'ab[', true],
];

describe('fnmatch', () => {
  it.each(GLIBC)('fnmatch(%j, %j) is %s as in glibc', (pattern, text, expected) => {
    expect(fnmatch(pattern, text)).toBe(expected);
  });

  const python = spawnSync('python3', ['-c', 'import ctypes; ctypes.CDLL("libc.so.6").fnmatch'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('agrees with the system glibc on 20,000 random patterns (python3 ctypes)', () => {
    const random = seededRandom(424242);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const parts = ['a', 'b', '[', ']', '!', '^', '-', '\\', '*', '?', ':', '.', '/', '[:alpha:]', '[=a=]', '[.a.]', '[a-c]', '[!a]'];
    const chars = ['a', 'b', 'c', '[', ']', '!', '-', '\\', '/', ':', '.', 'A'];
    const cases: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      let pattern = '';
      for (let n = Math.floor(random() * 8); n > 0; n--) pattern += pick(parts);
      let text = '';
      // Half the strings are mutated copies of the pattern, so that many match.
      if (random() < 0.5) {
        for (const c of pattern) if (random() > 0.15) text += random() < 0.2 ? pick(chars) : c;
      } else {
        for (let n = Math.floor(random() * 5); n > 0; n--) text += pick(chars);
      }
      cases.push([pattern, text]);
    }
    const script = 'import ctypes,json,sys\nl=ctypes.CDLL("libc.so.6")\n'
      + 'print(json.dumps([l.fnmatch(p.encode(),t.encode(),0)==0 for p,t in json.load(sys.stdin)]))';
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    const glibc = JSON.parse(run.stdout) as boolean[];
    const differences = cases.filter(([p, t], i) => fnmatch(p, t) !== glibc[i]).slice(0, 10);
    expect(differences).toEqual([]);
    expect(glibc.filter(Boolean).length).toBeGreaterThan(2000);
  });
});
