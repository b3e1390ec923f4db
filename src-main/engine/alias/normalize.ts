// kmod's alias_normalize() (shared/util.c): `-` becomes `_` except inside
// `[...]`, so `xen-backend:vbd` and `xen_backend:vbd` are the same alias. kmod
// applies it to every pattern when depmod builds modules.alias.bin and to every
// key before a lookup, and refuses strings with unbalanced brackets.

/** The normalised alias, or null where kmod answers -EINVAL (an unmatched `[` or `]`). */
export function aliasNormalize(alias: string): string | null {
  let out = '';
  for (let i = 0; i < alias.length; i++) {
    const c = alias[i];
    if (c === ']') return null;
    if (c === '[') {
      // Copied as is up to the first `]`, which closes it whatever precedes it.
      const close = alias.indexOf(']', i + 1);
      if (close < 0) return null;
      out += alias.slice(i, close + 1);
      i = close;
    } else {
      out += c === '-' ? '_' : c;
    }
  }
  return out;
}
