// Material for the helper's fuzz test: a seeded random source, hostile
// strings that no field may accept, wrong-typed values, and the valid requests
// they are planted into.

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function randomSource(seed: number): { next(): number; int(n: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] as T };
}

/** Strings that are invalid in every field: device ids, drivers, modules, PCI addresses, IDs. */
export const HOSTILE_STRINGS: readonly string[] = [
  // Traversal, plain, absolute and encoded.
  '..', '../', '../../etc/passwd', 'pci/../../../etc', 'pci/..', '/etc/passwd', '/sys/bus/pci/drivers/nouveau/unbind',
  '..%2f..%2fetc', '%2e%2e%2f', '%2e%2e', 'pci/%2e%2e', '..%c0%af', '..\\..\\windows', 'pci\\0000:01:00.0', '.', './x',
  // Unicode lookalikes of dots, slashes, hyphens and letters.
  '\uff0e\uff0e\uff0f', '\u2025/', 'pci\u22150000:01:00.0', 'pci\u2044..', 'pci\uff0f..', '\uff50\uff43\uff49/0000:01:00.0',
  'vfio\u2010pci', 'vf\u0456o-pci', 'vfio-pci\u202e', 'vfio\u200bpci', 'nouveau\ufeff', '\u0430pply',
  // Control characters and whitespace inside values.
  'vfio-pci\n', 'vfio-pci\nnouveau', '\nvfio-pci', 'vfio-pci\r', 'vfio-pci\u0000', '\u0000', 'vfio-pci\t', 'a b', ' ', '\u0085', 'x\u2028y',
  '0000:01:00.0\n0000:02:00.0', 'pci/0000:01:00.0\n', 'pci/0000:01:00.0\u0000../../x',
  // Shell and option injection.
  'vfio_pci;reboot', '$(reboot)', '`id`', 'a|b', 'a&&b', '-r', '--remove', '-', '--', '-v', '>/etc/x',
  // Sizes.
  '', 'x'.repeat(65), 'a'.repeat(5000), `pci/${'0'.repeat(200)}`,
];

/** Makes a random string that always holds at least one character no field accepts. */
export function randomHostile(random: ReturnType<typeof randomSource>): string {
  const alphabet = ['.', '/', '\\', '%', '\n', '\u0000', 'a', 'Z', '0', '9', ':', '-', '_', '\u2215', '\uff0e', '\u0301', '\ud83d\ude00', '$', ';', ' ', '\t', '\u200b'];
  const forced = ['\n', '\u0000', '%', ' ', '\u2215', '\\', '\u200b', '\t', '$', ';', '\u00e9', '\r'];
  const length = 1 + random.int(40);
  let text = '';
  for (let i = 0; i < length; i++) text += random.pick(alphabet);
  const at = random.int(text.length + 1);
  return text.slice(0, at) + random.pick(forced) + text.slice(at);
}

export const WRONG_TYPES: readonly unknown[] = [0, 1, -1, 3.5, 1e300, true, false, [], {}, ['pci/0000:01:00.0'], { $ne: 1 }, [[[]]], { device: 'pci/0000:01:00.0' }];

export const UNKNOWN_VERBS: readonly string[] = [
  '', 'APPLY', 'Apply', 'apply ', ' apply', 'apply\n', 'apply\u0000', '../apply', '/usr/bin/apply', 'list', 'help', '--help', '-h',
  'restore;id', '\u00e4pply', 'apply\u200b', 'persist\u0000apply', 'bash', '-c', 'sh', 'exec', 'write', 'rescan', 'remove',
];

export const UNKNOWN_KINDS: readonly unknown[] = [
  'PROBE', 'probe ', 'write', 'rescan', 'remove', 'new_id', 'remove_id', 'sriov_numvfs', 'reset', 'unbind-all', '__proto__', '', null, 1, [],
];

export const VALID_IDS = { vendor: '0x10de', device: '0x1f08', subsystemVendor: '0x1462', subsystemDevice: '0x3754' };

/** Valid requests on the workstation tree, by verb, with the paths of their string fields (and of those that may be left out). */
export const TEMPLATES: readonly { readonly verb: string; readonly body: unknown; readonly fields: readonly string[]; readonly optional?: readonly string[] }[] = [
  { verb: 'apply', body: { operations: [{ kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'vfio-pci' }] }, fields: ['operations.0.device', 'operations.0.driver'] },
  { verb: 'apply', body: { operations: [{ kind: 'set-override', device: 'pci/0000:01:00.0', driver: null }] }, fields: ['operations.0.device'] },
  { verb: 'apply', body: { operations: [{ kind: 'unbind', device: 'pci/0000:01:00.0', driver: 'nouveau' }] }, fields: ['operations.0.device', 'operations.0.driver'] },
  { verb: 'apply', body: { operations: [{ kind: 'bind', device: 'pci/0000:01:00.0', driver: 'vfio-pci' }] }, fields: ['operations.0.device', 'operations.0.driver'] },
  { verb: 'apply', body: { operations: [{ kind: 'probe', device: 'pci/0000:01:00.0' }] }, fields: ['operations.0.device'] },
  { verb: 'apply', body: { operations: [{ kind: 'load-module', module: 'vfio_pci' }] }, fields: ['operations.0.module'] },
  {
    verb: 'apply',
    body: { operations: [{ kind: 'probe', device: 'pci/0000:03:00.0' }, { kind: 'unbind', device: 'pci/0000:01:00.0', driver: 'nouveau' }] },
    fields: ['operations.1.device', 'operations.1.driver'],
  },
  { verb: 'persist', body: { device: '0000:01:00.0', driver: 'vfio-pci', ids: VALID_IDS }, fields: ['device', 'driver', 'ids.vendor', 'ids.device', 'ids.subsystemVendor', 'ids.subsystemDevice'] },
  { verb: 'unpersist', body: { device: '0000:01:00.0' }, fields: ['device'] },
  { verb: 'restore', body: { device: '0000:01:00.0' }, fields: ['device'], optional: ['device'] },
];

/** A deep copy of `body` with the value at `dotted` (`operations.0.device`) replaced; `undefined` removes it. */
export function withValue(body: unknown, dotted: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const keys = dotted.split('.');
  const last = keys.pop() as string;
  let at: Record<string, unknown> = copy;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  if (value === undefined) Reflect.deleteProperty(at, last);
  else at[last] = value;
  return copy;
}

/** A deep copy of `body` with an extra own key (even `__proto__`) in the object at `dotted` ('' for the top). */
export function withExtraKey(body: unknown, dotted: string, key: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const part of dotted === '' ? [] : dotted.split('.')) at = at[part] as Record<string, unknown>;
  Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
