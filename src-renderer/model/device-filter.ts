// Filter as you type: every word must appear somewhere people would look
// (address, names, IDs, driver, class, class devices such as enp3s0), and
// `driver:`, `bus:`, `class:`, `vendor:`, `group:` pin a word to one field
// (`driver:none` finds unbound devices).
import type { Device, DeviceId } from '../../src-shared/model';
import { className, pciClassCode, subsystemIds, vendorDeviceIds, vendorName } from './device-labels';

const QUERY_FIELDS = ['driver', 'bus', 'class', 'vendor', 'group'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface QueryTerm {
  readonly field: QueryField | null;
  /** Lowercase. */
  readonly text: string;
}

export function parseQuery(query: string): readonly QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const word of query.toLowerCase().split(/\s+/)) {
    if (!word) continue;
    const colon = word.indexOf(':');
    const field = QUERY_FIELDS.find((f) => f === word.slice(0, colon));
    // `0000:01:00.0` and `10de:2206` have colons too; only a known field name makes a prefix.
    if (field && colon > 0) {
      const text = word.slice(colon + 1);
      if (text) terms.push({ field, text });
    } else {
      terms.push({ field: null, text: word });
    }
  }
  return terms;
}

/** The lowercase text each field of a device is searched in. */
export type SearchFields = Readonly<Record<QueryField | 'all', string>>;

function joined(values: readonly (string | null | undefined)[]): string {
  return values.filter((v): v is string => Boolean(v)).join('\n').toLowerCase();
}

export function searchFields(device: Device): SearchFields {
  const pciClass = pciClassCode(device);
  const driver = joined([device.driver, device.driverModule, device.driverOverride]);
  const bus = device.bus.toLowerCase();
  const klass = joined([className(device), device.names.progIf, pciClass?.code, device.usb?.class]);
  const vendor = joined([
    vendorName(device),
    device.names.subsystemVendor,
    device.pci ? device.pci.vendor.replace(/^0x/i, '') : device.usb?.vendor,
  ]);
  const group = device.iommuGroup === null ? '' : String(device.iommuGroup);
  const all = joined([
    device.id,
    device.name,
    bus,
    device.driver,
    device.driverModule,
    device.driverOverride,
    klass,
    vendor,
    device.names.device,
    device.names.subsystemDevice,
    device.usb?.productName,
    vendorDeviceIds(device),
    subsystemIds(device),
    ...device.classDevices.map((c) => `${c.subsystem}/${c.name}`),
  ]);
  return { all, driver, bus, class: klass, vendor, group };
}

function termMatches(fields: SearchFields, term: QueryTerm): boolean {
  if (term.field === 'bus' || term.field === 'group') return fields[term.field] === term.text;
  if (term.field === 'driver' && term.text === 'none') return fields.driver === '';
  return fields[term.field ?? 'all'].includes(term.text);
}

function matchesQuery(fields: SearchFields, terms: readonly QueryTerm[]): boolean {
  return terms.every((term) => termMatches(fields, term));
}

/** Search text for every device, built once per snapshot. */
export function searchIndex(devices: readonly Device[]): ReadonlyMap<DeviceId, SearchFields> {
  return new Map(devices.map((device) => [device.id, searchFields(device)]));
}

/** IDs of the devices that match, in snapshot order; null when the query is empty. */
export function filterDevices(
  devices: readonly Device[],
  index: ReadonlyMap<DeviceId, SearchFields>,
  query: string,
): ReadonlySet<DeviceId> | null {
  const terms = parseQuery(query);
  if (terms.length === 0) return null;
  const matched = new Set<DeviceId>();
  for (const device of devices) {
    const fields = index.get(device.id) ?? searchFields(device);
    if (matchesQuery(fields, terms)) matched.add(device.id);
  }
  return matched;
}
