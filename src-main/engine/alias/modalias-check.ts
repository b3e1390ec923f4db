// Is a string a well-formed modalias? Specific answers, because people type
// and paste these: a PCI modalias with 4-digit IDs or lowercase hex looks
// right to a person and silently matches nothing in kmod.
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { ModaliasFormat } from './modalias-formats';
import { formatOf } from './modalias-formats';
import { aliasNormalize } from './normalize';

export const MAX_MODALIAS_LENGTH = 1024;

/** Why `modalias` is not a well-formed modalias, or null when it is. */
export function modaliasProblem(modalias: string): string | null {
  if (modalias.length === 0) return 'The modalias is empty.';
  if (modalias.length > MAX_MODALIAS_LENGTH) {
    return `The modalias is ${modalias.length} characters long; the longest accepted is ${MAX_MODALIAS_LENGTH}.`;
  }
  // The kernel prints modaliases in ASCII; outside it, kmod would compare bytes, not characters.
  const bad = /[^\x21-\x7e]/.exec(modalias);
  if (bad) {
    const trailing = bad.index === modalias.length - 1 && bad[0] === '\n' ? ' (strip the newline a sysfs file ends with)' : '';
    return `${JSON.stringify(modalias)} contains ${describeChar(bad[0])} at position ${bad.index + 1}; `
      + `a modalias is printable ASCII without spaces${trailing}.`;
  }
  const colon = modalias.indexOf(':');
  if (colon <= 0) {
    return `"${modalias}" has no bus prefix: a modalias starts with its bus and a colon (pci:, usb:, virtio:, platform:, ...).`;
  }
  const normalized = aliasNormalize(modalias);
  if (normalized === null) return `"${modalias}" has an unmatched "[" or "]", which kmod rejects.`;
  const format = formatOf(normalized);
  return format ? formatProblem(format, modalias, colon) : null;
}

/** Throws BAD_MODALIAS unless `modalias` is well formed. */
export function assertModalias(modalias: string): void {
  const problem = modaliasProblem(modalias);
  if (problem === null) return;
  throw new BinderyFailure(
    bindery('BAD_MODALIAS', 'Not a valid modalias', problem,
      'Copy it from the device, e.g. cat /sys/bus/pci/devices/0000:00:1f.3/modalias.'),
  );
}

function describeChar(c: string): string {
  const names: Record<string, string> = { ' ': 'a space', '\n': 'a newline', '\t': 'a tab', '\r': 'a carriage return' };
  const code = c.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return names[c] ?? (code < 0x20 || code === 0x7f ? `the control character U+${hex}` : `the non-ASCII character U+${hex}`);
}

/** The exact fixed-width, uppercase layout of a known format, checked field by field. */
function formatProblem(format: ModaliasFormat, modalias: string, colon: number): string | null {
  const body = modalias.slice(colon + 1);
  const not = `"${modalias}" is not a ${format.label} modalias`;
  const shape = `A ${format.label} modalias is ${format.printf}, e.g. ${format.example}.`;
  if (/[*?[]/.test(body)) {
    return `${not}: it has glob characters, like an alias pattern from modules.alias rather than a device's modalias. ${shape}`;
  }
  const anyCase = new RegExp(`^${format.fields.map((f) => `${f.marker}([0-9A-Fa-f]{${f.width}})`).join('')}$`).exec(body);
  if (anyCase && /[a-f]/.test(anyCase.slice(1).join(''))) {
    const upper = format.fields.map((f, i) => `${f.marker}${(anyCase[i + 1] ?? '').toUpperCase()}`).join('');
    return `"${modalias}" has lowercase hex digits; the kernel prints them in uppercase and kmod compares `
      + `case-sensitively, so write ${modalias.slice(0, colon + 1)}${upper}.`;
  }
  let pos = 0;
  for (const field of format.fields) {
    if (!body.startsWith(field.marker, pos)) {
      const found = pos < body.length ? `"${body.slice(pos, pos + 6)}"` : 'nothing';
      return `${not}: "${field.marker}" (${field.name}) should come next, where it has ${found}. ${shape}`;
    }
    pos += field.marker.length;
    const digits = /^[0-9A-F]*/.exec(body.slice(pos))?.[0] ?? '';
    if (digits.length !== field.width) {
      const padded = digits.length > 0 && digits.length < field.width
        ? ` (zero-padded: ${field.marker}${digits.padStart(field.width, '0')})` : '';
      const found = digits || body.slice(pos, pos + field.width);
      return `${not}: ${field.marker} (${field.name}) needs ${field.width} uppercase hex digits, `
        + `not ${found ? `"${found}"` : 'nothing'}${padded}. ${shape}`;
    }
    pos += digits.length;
  }
  return pos < body.length ? `${not}: "${body.slice(pos)}" follows the last field. ${shape}` : null;
}
