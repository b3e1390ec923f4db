// The request parser: JSON as RFC 8259 has it, minus what a hostile request
// could use: duplicate keys, deep nesting, `__proto__` as a prototype.
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseStrictJson } from '../../../../src-main/helper/strict-json';

describe('parseStrictJson', () => {
  it('parses what JSON.parse parses', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\"\\\\\\/"]} ', '"s"', '0', '{"a":{"b":[{}]}}']) {
      expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    }
  });

  it.each([
    ['{"a":1,"a":2}', /Duplicate key "a" at character 7/],
    ['{"operations":[],"\\u006fperations":[]}', /Duplicate key "operations"/],
    ['', /Expected a value at character 0/],
    ['{"a":1,}', /Expected a key in double quotes/],
    ['[1,]', /Expected a value/],
    ['{"a":1} x', /Unexpected text after the value/],
    ['{"a":"\n"}', /Control character inside a string/],
    ['{"a":"\\x41"}', /Bad escape/],
    ['{"a":"\\u12"}', /Bad \\u escape/],
    ['"open', /Unterminated string/],
    ['{a:1}', /Expected a key in double quotes/],
    ['01', /Unexpected text/],
    ['NaN', /Expected a value/],
    ['tru', /Expected true/],
    ['\u00a0{}', /Expected a value/],
  ])('refuses %j', (text, message) => {
    expect(() => parseStrictJson(text)).toThrow(message);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, even 30,000 deep, without overflowing the stack`, () => {
    expect(parseStrictJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).toBeInstanceOf(Array);
    expect(() => parseStrictJson('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1))).toThrow(/Nested deeper/);
    expect(() => parseStrictJson('{"a":'.repeat(30_000))).toThrow(/Nested deeper/);
  });

  it('keeps __proto__ an ordinary own key', () => {
    const value = parseStrictJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
