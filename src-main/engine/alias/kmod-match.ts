// How kmod tests one pattern against a key (index_searchwild in
// libkmod-index.c): the trie is walked character by character up to the
// pattern's first `*`, `?` or `[`, and only the rest goes through fnmatch. So a
// backslash before the first wildcard is an ordinary character, unlike in a
// plain fnmatch of the whole pattern. Both sides are normalised first.
import { fnmatch } from './fnmatch';

/** Length of the part kmod compares literally: up to the first `*`, `?` or `[`. */
export function literalPrefixLength(pattern: string): number {
  const match = /[*?[]/.exec(pattern);
  return match ? match.index : pattern.length;
}

/** Whether kmod's wildcard search finds normalised `pattern` for normalised `key`. */
export function kmodMatch(pattern: string, key: string): boolean {
  const literal = literalPrefixLength(pattern);
  if (literal === pattern.length) return pattern === key;
  return key.startsWith(pattern.slice(0, literal)) && fnmatch(pattern.slice(literal), key.slice(literal));
}
