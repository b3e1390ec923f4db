// How specific an alias is, and why it matched, in words: the score adds up the
// fields it pins to one value (IDs count double, see FieldSpec.weight); the
// reason names them the way lspci would.
import type { FieldMatch, PatternFields } from './pattern-fields';
import { patternFields } from './pattern-fields';

export interface Specificity {
  readonly score: number;
  readonly pinned: readonly string[];
  readonly reason: string;
}

/** Describes one alias: fields come from the normalised pattern, words quote it as the file spells it. */
export function specificityOf(normalized: string, spelled: string = normalized): Specificity {
  const parsed = patternFields(normalized);
  if (!parsed) return unstructured(normalized, spelled);
  const pinnedSpecs = parsed.format.fields.filter((_, i) => parsed.fields[i]?.kind === 'exact');
  const score = pinnedSpecs.reduce((sum, spec) => sum + spec.weight, 0);
  return { score, pinned: pinnedSpecs.map((spec) => spec.name), reason: reasonFor(parsed) };
}

function unstructured(normalized: string, spelled: string): Specificity {
  if (/[*?[]/.test(normalized)) {
    return { score: 0, pinned: [], reason: `Matches the glob pattern ${spelled}, which has no fields to compare.` };
  }
  return { score: 1, pinned: ['name'], reason: `Matches the name ${spelled} exactly.` };
}

type Fields = Readonly<Record<string, FieldMatch | undefined>>;

function reasonFor(parsed: PatternFields): string {
  const fields: Record<string, FieldMatch> = {};
  parsed.format.fields.forEach((spec, i) => {
    fields[spec.name] = parsed.fields[i] ?? { kind: 'any' };
  });
  if (parsed.format.bus === 'pci') return pciReason(fields);
  if (parsed.format.bus === 'usb') return usbReason(fields);
  return virtioReason(fields);
}

/** The words of one sentence: what is pinned, what matches by a glob, what stays open. */
interface Parts {
  readonly exact: string[];
  readonly glob: string[];
  readonly open: string[];
}

function newParts(): Parts {
  return { exact: [], glob: [], open: [] };
}

function sentence(parts: Parts, whenNothingPinned: string): string {
  const matched = [
    parts.exact.length > 0 ? `${list(parts.exact, 'and')} exactly` : null,
    parts.glob.length > 0 ? `${list(parts.glob, 'and')} by pattern` : null,
  ].filter((part) => part !== null);
  if (matched.length === 0) return `${whenNothingPinned}.`;
  const open = parts.open.length > 0 ? `; any ${list(parts.open, 'or')}` : '';
  return `Matches ${matched.join(', ')}${open}.`;
}

function list(items: readonly string[], conjunction: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}

function isOpen(field: FieldMatch | undefined): boolean {
  return !field || field.kind === 'any';
}

/** Records a pinned or glob field as `label value`; an open one is left to the caller. */
function add(parts: Parts, field: FieldMatch | undefined, label: string, show: (hex: string) => string): void {
  if (field?.kind === 'exact') parts.exact.push(`${label} ${show(field.value)}`);
  else if (field?.kind === 'glob') parts.glob.push(`${label} ${field.value}`);
}

/** A 16-bit ID the way lspci prints it (`8086`), from 4 or 8 hex digits. */
function id16(hex: string): string {
  return hex.slice(-4).toLowerCase();
}

function lower(hex: string): string {
  return hex.toLowerCase();
}

/**
 * `class 01:08:02`: the class bytes pinned from the first one down, joined;
 * a byte pinned below an open one is named on its own.
 */
function addClass(parts: Parts, label: string, fields: readonly (FieldMatch | undefined)[], names: readonly string[]): void {
  const chain: string[] = [];
  for (const field of fields) {
    if (field?.kind !== 'exact') break;
    chain.push(lower(field.value));
  }
  if (chain.length > 0) parts.exact.push(`${label} ${chain.join(':')}`);
  fields.slice(chain.length).forEach((field, i) => add(parts, field, names[chain.length + i] ?? label, lower));
}

function pciReason(f: Fields): string {
  const parts = newParts();
  add(parts, f.vendor, 'vendor', id16);
  add(parts, f.device, 'device', id16);
  const sv = f.subvendor;
  const sd = f.subdevice;
  if (sv?.kind === 'exact' && sd?.kind === 'exact') {
    parts.exact.push(`subsystem ${id16(sv.value)}:${id16(sd.value)}`);
  } else {
    add(parts, sv, 'subvendor', id16);
    add(parts, sd, 'subdevice', id16);
  }
  const classFields = [f.baseclass, f.subclass, f.progif];
  addClass(parts, 'class', classFields, ['base class', 'subclass', 'prog-if']);
  const idsOpen = [f.vendor, f.device, sv, sd].every(isOpen);
  if (idsOpen && parts.glob.length === 0 && parts.exact.length > 0) {
    return `Matches any device of ${list(parts.exact, 'and')} (any vendor).`;
  }
  if (isOpen(f.vendor)) parts.open.push('vendor');
  if (isOpen(f.device)) parts.open.push('device ID');
  if (isOpen(sv) && isOpen(sd)) parts.open.push('subsystem');
  else if (isOpen(sv)) parts.open.push('subvendor');
  else if (isOpen(sd)) parts.open.push('subdevice');
  if (classFields.every(isOpen)) parts.open.push('class');
  return sentence(parts, 'Matches any PCI device');
}

function usbReason(f: Fields): string {
  const parts = newParts();
  add(parts, f.vendor, 'vendor', lower);
  add(parts, f.product, 'product', lower);
  add(parts, f.bcdDevice, 'bcdDevice', lower);
  const idsOpen = [f.vendor, f.product, f.bcdDevice].every(isOpen);
  addClass(parts, 'device class', [f.deviceClass, f.deviceSubclass, f.deviceProtocol],
    ['device class', 'device subclass', 'device protocol']);
  addClass(parts, 'interface class', [f.interfaceClass, f.interfaceSubclass, f.interfaceProtocol],
    ['interface class', 'interface subclass', 'interface protocol']);
  add(parts, f.interfaceNumber, 'interface number', lower);
  if (idsOpen && parts.glob.length === 0 && parts.exact.length > 0) {
    return `Matches any device with ${list(parts.exact, 'and')} (any vendor).`;
  }
  if (Object.values(f).some(isOpen)) parts.open.push('other field');
  return sentence(parts, 'Matches any USB device');
}

function virtioReason(f: Fields): string {
  const parts = newParts();
  add(parts, f.device, 'virtio device ID', id16);
  add(parts, f.vendor, 'vendor', id16);
  if (isOpen(f.device)) parts.open.push('device ID');
  if (isOpen(f.vendor)) parts.open.push('vendor');
  return sentence(parts, 'Matches any virtio device');
}
