// glibc's fnmatch(pattern, string, 0), which kmod uses for every wildcard alias:
// no flags, so `*` and `?` match `/` and a leading `.`, and `\` escapes. Written
// after glibc's posix/fnmatch_loop.c in the C locale (kmod never calls
// setlocale): characters compare by code, ranges by code order, and only the
// trivial one-character forms of `[=x=]` and `[.x.]` exist. Inputs are ASCII
// (modalias validation rejects anything else), where this equals glibc's bytes.

/** Where the pattern goes on after a token that matched, or NO_MATCH. */
const NO_MATCH = -1;
/** A bracket that never closes: glibc then reads its `[` as a plain character. */
const UNTERMINATED = -2;

const CHAR_CLASS_MAX_LENGTH = 256;

const CHAR_CLASSES: Readonly<Record<string, (code: number) => boolean>> = {
  alnum: (c) => isDigit(c) || isAlpha(c),
  alpha: (c) => isAlpha(c),
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: (c) => isDigit(c),
  graph: (c) => c > 0x20 && c < 0x7f,
  lower: (c) => c >= 0x61 && c <= 0x7a,
  print: (c) => c >= 0x20 && c < 0x7f,
  punct: (c) => c > 0x20 && c < 0x7f && !isDigit(c) && !isAlpha(c),
  space: (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d),
  upper: (c) => c >= 0x41 && c <= 0x5a,
  xdigit: (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66),
};

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** True when `text` matches `pattern` exactly as glibc's fnmatch(pattern, text, 0) says. */
export function fnmatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  // Backtracking to the last `*` only is enough: every other token matches
  // exactly one character, which is also how glibc ends up matching.
  let starP = -1;
  let starT = -1;
  for (;;) {
    if (p < pattern.length && pattern[p] === '*') {
      starP = ++p;
      starT = t;
      continue;
    }
    if (p === pattern.length && t === text.length) return true;
    if (p < pattern.length && t < text.length) {
      const next = matchToken(pattern, p, text[t] as string);
      if (next !== NO_MATCH) {
        p = next;
        t += 1;
        continue;
      }
    }
    if (starP < 0 || starT >= text.length) return false;
    starT += 1;
    p = starP;
    t = starT;
  }
}

/** Matches the one-character token at `p` against `ch`. */
function matchToken(pattern: string, p: number, ch: string): number {
  const c = pattern[p];
  if (c === '?') return p + 1;
  if (c === '\\') {
    // A trailing backslash matches nothing.
    if (p + 1 >= pattern.length) return NO_MATCH;
    return pattern[p + 1] === ch ? p + 2 : NO_MATCH;
  }
  if (c === '[') return matchBracket(pattern, p, ch);
  return c === ch ? p + 1 : NO_MATCH;
}

type BracketScan =
  | { readonly kind: 'matched'; readonly at: number }
  | { readonly kind: 'end'; readonly at: number }
  | { readonly kind: 'unterminated' }
  | { readonly kind: 'fail' };

/** A bracket expression starting at `open` against `ch`, with glibc's odd corners. */
function matchBracket(pattern: string, open: number, ch: string): number {
  let i = open + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i += 1;
  const scan = scanBracket(pattern, i, ch);
  switch (scan.kind) {
    case 'fail':
      return NO_MATCH;
    case 'unterminated':
      // glibc then reads the `[` as a plain character and goes on after it.
      return ch === '[' ? open + 1 : NO_MATCH;
    case 'end':
      return negated ? scan.at : NO_MATCH;
    case 'matched': {
      const end = skipRest(pattern, scan.at);
      if (end === UNTERMINATED) return ch === '[' ? open + 1 : NO_MATCH;
      if (end === NO_MATCH || negated) return NO_MATCH;
      return end;
    }
  }
}

/** Reads the items of a bracket from `start` until one matches `ch` or the closing `]`. */
function scanBracket(pattern: string, start: number, ch: string): BracketScan {
  const code = ch.charCodeAt(0);
  let i = start;
  let c: string | undefined = pattern[i++];
  for (;;) {
    let low: string;
    let isRange: boolean;
    if (c === '\\') {
      if (i >= pattern.length) return { kind: 'fail' };
      low = pattern[i++] as string;
      isRange = rangeFollows(pattern, i);
    } else if (c === '[' && pattern[i] === ':') {
      const cls = readCharClass(pattern, i);
      if (cls.kind === 'fail') return cls;
      if (cls.kind === 'class') {
        if (cls.test(code)) return { kind: 'matched', at: cls.at };
        i = cls.at;
        c = pattern[i++];
        if (c === ']') return { kind: 'end', at: i };
        continue;
      }
      low = '[';
      isRange = rangeFollows(pattern, i);
    } else if (c === '[' && pattern[i] === '=') {
      const eq = readEquivalence(pattern, i);
      if (eq) {
        if (eq.ch === ch) return { kind: 'matched', at: eq.at };
        i = eq.at;
        c = pattern[i++];
        if (c === ']') return { kind: 'end', at: i };
        continue;
      }
      low = '[';
      isRange = rangeFollows(pattern, i);
    } else if (c === undefined) {
      return { kind: 'unterminated' };
    } else if (c === '[' && pattern[i] === '.') {
      const sym = readCollatingSymbol(pattern, i);
      if (!sym) return { kind: 'fail' };
      low = sym.ch;
      i = sym.at;
      // glibc's test after a collating symbol does not exclude a following `]`.
      isRange = pattern[i] === '-' && i + 1 < pattern.length;
    } else {
      low = c;
      isRange = rangeFollows(pattern, i);
    }
    if (!isRange && low === ch) return { kind: 'matched', at: i };
    c = pattern[i++];
    if (c === '-' && pattern[i] !== ']') {
      let high: string | undefined = pattern[i++];
      if (high === '[' && pattern[i] === '.') {
        const sym = readCollatingSymbol(pattern, i);
        if (!sym) return { kind: 'fail' };
        high = sym.ch;
        i = sym.at;
      } else if (high === '\\') {
        high = pattern[i++];
      }
      if (high === undefined) return { kind: 'fail' };
      if (low.charCodeAt(0) <= code && code <= high.charCodeAt(0)) return { kind: 'matched', at: i };
      c = pattern[i++];
    }
    if (c === ']') return { kind: 'end', at: i };
  }
}

function rangeFollows(pattern: string, i: number): boolean {
  return pattern[i] === '-' && i + 1 < pattern.length && pattern[i + 1] !== ']';
}

type ClassRead =
  | { readonly kind: 'class'; readonly test: (code: number) => boolean; readonly at: number }
  | { readonly kind: 'not-a-class' }
  | { readonly kind: 'fail' };

/** `[:name:]` with `colon` at the `:`; glibc gives up on names with characters outside a-y. */
function readCharClass(pattern: string, colon: number): ClassRead {
  let name = '';
  let i = colon;
  for (;;) {
    if (name.length === CHAR_CLASS_MAX_LENGTH) return { kind: 'fail' };
    const c = pattern[++i];
    if (c === ':' && pattern[i + 1] === ']') break;
    if (c === undefined || c < 'a' || c >= 'z') return { kind: 'not-a-class' };
    name += c;
  }
  const test = Object.hasOwn(CHAR_CLASSES, name) ? CHAR_CLASSES[name] : undefined;
  return test ? { kind: 'class', test, at: i + 2 } : { kind: 'fail' };
}

/** `[=x=]` with `eq` at the first `=`; null when it is not one (then `[` is an ordinary item). */
function readEquivalence(pattern: string, eq: number): { ch: string; at: number } | null {
  const ch = pattern[eq + 1];
  if (ch === undefined || pattern[eq + 2] !== '=' || pattern[eq + 3] !== ']') return null;
  return { ch, at: eq + 4 };
}

/** `[.x.]` with `dot` at the first `.`; null makes the whole match fail, as in glibc. */
function readCollatingSymbol(pattern: string, dot: number): { ch: string; at: number } | null {
  const close = pattern.indexOf('.]', dot + 1);
  if (close < 0 || close - dot - 1 !== 1) return null;
  return { ch: pattern[dot + 1] as string, at: close + 2 };
}

/** After a matching item, the index just past the bracket's `]`, UNTERMINATED, or NO_MATCH. */
function skipRest(pattern: string, from: number): number {
  let i = from;
  for (;;) {
    const c = pattern[i++];
    if (c === undefined) return UNTERMINATED;
    if (c === ']') return i;
    if (c === '\\') {
      if (i >= pattern.length) return NO_MATCH;
      i += 1;
    } else if (c === '[' && pattern[i] === ':') {
      i = skipCharClass(pattern, i);
      if (i === NO_MATCH) return NO_MATCH;
    } else if (c === '[' && pattern[i] === '=') {
      if (pattern[i + 1] === undefined || pattern[i + 2] !== '=' || pattern[i + 3] !== ']') return NO_MATCH;
      i += 4;
    } else if (c === '[' && pattern[i] === '.') {
      const close = pattern.indexOf('.]', i + 1);
      if (close < 0) return NO_MATCH;
      i = close + 2;
    }
  }
}

/** glibc's skip over `[:name:]` once the bracket has matched; a non-name goes on at the `:`. */
function skipCharClass(pattern: string, colon: number): number {
  let i = colon;
  for (let length = 1; ; length++) {
    const c = pattern[++i];
    if (length === CHAR_CLASS_MAX_LENGTH) return NO_MATCH;
    if (c === ':' && pattern[i + 1] === ']') return i + 2;
    if (c === undefined || c < 'a' || c >= 'z') return colon;
  }
}
