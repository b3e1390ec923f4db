// An alias pattern of a known format, field by field: pinned to one value,
// open (`*`), or some other glob. file2alias appends a final `*` to most
// patterns; against a fixed-width key it adds nothing, so `i02*` pins `02`.
import type { FieldSpec, ModaliasFormat } from './modalias-formats';
import { formatOf, isHex, splitFields } from './modalias-formats';

export type FieldMatch =
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'glob'; readonly value: string };

export interface PatternFields {
  readonly format: ModaliasFormat;
  /** In the format's field order. */
  readonly fields: readonly FieldMatch[];
}

/** The fields of a normalised pattern, or null when its format is unknown or it does not fit. */
export function patternFields(normalized: string): PatternFields | null {
  const format = formatOf(normalized);
  if (!format) return null;
  const values = splitFields(format, normalized.slice(format.prefix.length + 1));
  if (!values) return null;
  const last = values.length - 1;
  return { format, fields: values.map((value, i) => classify(value, format.fields[i] as FieldSpec, i === last)) };
}

function classify(value: string, spec: FieldSpec, isLast: boolean): FieldMatch {
  if (value === '*') return { kind: 'any' };
  if (isHex(value, spec.width)) return { kind: 'exact', value };
  if (isLast && value.endsWith('*') && isHex(value.slice(0, -1), spec.width)) {
    return { kind: 'exact', value: value.slice(0, -1) };
  }
  return { kind: 'glob', value };
}
