// The kernel's string parsers that sysfs store handlers use, with their exact
// acceptance rules: kstrto*() (lib/kstrtox.c), kstrtobool() (lib/kstrtox.c),
// sysfs_streq() (lib/string.c) and the `%x` conversions of vsscanf().
import type { Errno } from '../errno';

export type Parsed<T> = { readonly value: T } | { readonly errno: Errno };

/** Bytes up to the first NUL: store handlers see a C string. */
export function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
}

/** sysfs_streq(): equal, except that each side may end in one `\n`. */
export function sysfsStreq(a: string, b: string): boolean {
  const strip = (s: string): string => (s.endsWith('\n') ? s.slice(0, -1) : s);
  return strip(a) === strip(b);
}

function digitValue(c: string): number {
  const code = c.toLowerCase().charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return 99;
}

/**
 * _kstrtoull(): optional `+`, base prefix when base is 0 (`0x` hex, `0`
 * octal) or 16 (`0x` skipped), at least one digit, then nothing but one
 * optional `\n`. Overflow of `max` is ERANGE, anything else EINVAL.
 */
export function kstrtoull(input: string, base: 0 | 8 | 10 | 16, max: bigint): Parsed<bigint> {
  let s = cString(input);
  if (s.startsWith('+')) s = s.slice(1);
  let radix: number = base;
  if (radix === 0) {
    if (s[0] === '0' && s[1]?.toLowerCase() === 'x' && s[2] !== undefined && digitValue(s[2]) < 16) radix = 16;
    else radix = s[0] === '0' ? 8 : 10;
  }
  if (radix === 16 && s[0] === '0' && s[1]?.toLowerCase() === 'x') s = s.slice(2);
  let value = 0n;
  let digits = 0;
  while (digits < s.length && digitValue(s[digits] as string) < radix) {
    value = value * BigInt(radix) + BigInt(digitValue(s[digits] as string));
    digits += 1;
  }
  if (digits === 0) return { errno: 'EINVAL' };
  const rest = s.slice(digits);
  if (rest !== '' && rest !== '\n') return { errno: 'EINVAL' };
  if (value > max) return { errno: 'ERANGE' };
  return { value };
}

const U16 = 0xffffn;
const U32 = 0xffffffffn;
const U64 = 0xffffffffffffffffn;

export function kstrtou16(input: string, base: 0 | 10 | 16 = 0): Parsed<number> {
  const r = kstrtoull(input, base, U16);
  return 'errno' in r ? r : { value: Number(r.value) };
}

export function kstrtouint(input: string, base: 0 | 10 | 16 = 0): Parsed<number> {
  const r = kstrtoull(input, base, U32);
  return 'errno' in r ? r : { value: Number(r.value) };
}

export function kstrtoul(input: string, base: 0 | 10 | 16 = 0): Parsed<bigint> {
  return kstrtoull(input, base, U64);
}

/** kstrtoint(): a leading `-` allowed; range of a 32-bit int. */
export function kstrtoint(input: string, base: 0 | 10 = 0): Parsed<number> {
  const s = cString(input);
  if (s.startsWith('-')) {
    const r = kstrtoull(s.slice(1), base, 0x80000000n);
    return 'errno' in r ? r : { value: -Number(r.value) };
  }
  const r = kstrtoull(s, base, 0x7fffffffn);
  return 'errno' in r ? r : { value: Number(r.value) };
}

/** kstrtobool(): decided by the first one or two characters (`1yY`, `0nN`, `on`, `off`). */
export function kstrtobool(input: string): Parsed<boolean> {
  const s = cString(input);
  switch (s[0]) {
    case 'y': case 'Y': case '1': return { value: true };
    case 'n': case 'N': case '0': return { value: false };
    case 'o': case 'O':
      if (s[1] === 'n' || s[1] === 'N') return { value: true };
      if (s[1] === 'f' || s[1] === 'F') return { value: false };
      return { errno: 'EINVAL' };
    default:
      return { errno: 'EINVAL' };
  }
}

/**
 * The values of consecutive `%x` (or `%u`) conversions of vsscanf(),
 * separated by `sep` in the format: each skips leading white space (a hex
 * one takes an optional `0x`) and reads digits; the first conversion that
 * finds no digit, or a missing separator, ends the scan. Values are 64-bit;
 * callers truncate them like their C destinations.
 */
export function scanFields(input: string, maxFields: number, radix: 10 | 16, sep = ' '): bigint[] {
  const s = cString(input);
  const values: bigint[] = [];
  let pos = 0;
  while (values.length < maxFields) {
    if (values.length > 0 && sep !== ' ') {
      if (s[pos] !== sep) break;
      pos += 1;
    }
    while (pos < s.length && /\s/.test(s[pos] as string)) pos += 1;
    if (radix === 16 && s[pos] === '0' && s[pos + 1]?.toLowerCase() === 'x' && digitValue(s[pos + 2] ?? '') < 16) pos += 2;
    const start = pos;
    let value = 0n;
    while (pos < s.length && digitValue(s[pos] as string) < radix) {
      value = (value * BigInt(radix) + BigInt(digitValue(s[pos] as string))) & U64;
      pos += 1;
    }
    if (pos === start) break;
    values.push(value);
  }
  return values;
}
