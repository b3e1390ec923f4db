// The kernel's parsers behind every store handler: what they accept decides
// which writes fail with EINVAL or ERANGE (lib/kstrtox.c, lib/vsprintf.c).
import { describe, expect, it } from 'vitest';
import {
  kstrtobool, kstrtoint, kstrtou16, kstrtoul, scanFields, sysfsStreq,
} from '../../../../../../src-main/engine/sim/kernel/parse';

describe('kstrto*', () => {
  it('base 0 takes decimal, 0x hex and 0 octal, a + sign and one trailing newline', () => {
    expect(kstrtou16('12\n')).toEqual({ value: 12 });
    expect(kstrtou16('0x10')).toEqual({ value: 16 });
    expect(kstrtou16('010')).toEqual({ value: 8 });
    expect(kstrtou16('+7')).toEqual({ value: 7 });
    expect(kstrtou16('0')).toEqual({ value: 0 });
  });

  it('rejects signs, spaces, empty text, two newlines and trailing junk; too large is ERANGE', () => {
    for (const text of ['-1', ' 1', '', '\n', '1\n\n', '1x', '0x', '08']) expect(kstrtou16(text), JSON.stringify(text)).toEqual({ errno: 'EINVAL' });
    expect(kstrtou16('65536')).toEqual({ errno: 'ERANGE' });
    expect(kstrtoul('18446744073709551616')).toEqual({ errno: 'ERANGE' });
    expect(kstrtoul('18446744073709551615')).toEqual({ value: 18446744073709551615n });
  });

  it('kstrtoint takes a minus sign and the range of an int', () => {
    expect(kstrtoint('-1\n')).toEqual({ value: -1 });
    expect(kstrtoint('2147483648')).toEqual({ errno: 'ERANGE' });
    expect(kstrtoint('-2147483648')).toEqual({ value: -2147483648 });
  });

  it('kstrtobool decides by the first characters', () => {
    for (const text of ['1', 'y', 'Y', 'yes', 'on', 'ON']) expect(kstrtobool(text), text).toEqual({ value: true });
    for (const text of ['0', 'n', 'No', 'off', 'oFF']) expect(kstrtobool(text), text).toEqual({ value: false });
    for (const text of ['', 'o', 'true', '2', ' 1']) expect(kstrtobool(text), text).toEqual({ errno: 'EINVAL' });
  });

  it('an embedded NUL ends the string', () => {
    expect(kstrtou16('5\0garbage')).toEqual({ value: 5 });
  });
});

describe('vsscanf fields', () => {
  it('reads %x fields with optional 0x, up to the first that is not there', () => {
    expect(scanFields('8086 10d3\n', 7, 16)).toEqual([0x8086n, 0x10d3n]);
    expect(scanFields('0x8086 0X10D3 ffffffff', 7, 16)).toEqual([0x8086n, 0x10d3n, 0xffffffffn]);
    expect(scanFields('8086 zz 10d3', 7, 16)).toEqual([0x8086n]);
    expect(scanFields('', 7, 16)).toEqual([]);
  });

  it('reads %u fields and separators other than spaces', () => {
    expect(scanFields('10 1\n', 3, 10)).toEqual([10n, 1n]);
    expect(scanFields('8086:10d3:1af4', 6, 16, ':')).toEqual([0x8086n, 0x10d3n, 0x1af4n]);
    expect(scanFields('8086 10d3', 6, 16, ':')).toEqual([0x8086n]);
  });
});

describe('sysfs_streq', () => {
  it('ignores one trailing newline on either side', () => {
    expect(sysfsStreq('0000:00:02.0\n', '0000:00:02.0')).toBe(true);
    expect(sysfsStreq('a', 'a\n')).toBe(true);
    expect(sysfsStreq('a\n\n', 'a')).toBe(false);
  });
});
