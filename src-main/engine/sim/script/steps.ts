// Parsing one step of a sysfs script (shared/docs/kernel-vm/README.md, and
// the extensions in README.md here): the five file steps, and the commands
// that are netlink or programs on a real machine, in iproute2's syntax.
import type { ParamCmode } from '../kernel/devlink-reload';

export type Step =
  | { readonly verb: 'write'; readonly path: string; readonly data: string }
  | { readonly verb: 'printf'; readonly path: string; readonly data: string }
  | { readonly verb: 'read' | 'link' | 'ls' | 'exists'; readonly path: string }
  | { readonly verb: 'modprobe'; readonly module: string; readonly params: Readonly<Record<string, string>> }
  | { readonly verb: 'coldplug'; readonly bus: string }
  | { readonly verb: 'settle' }
  | { readonly verb: 'vdpa-add'; readonly name: string | null; readonly mgmtdev: string | null; readonly mac?: string; readonly mtu?: number; readonly maxVqp?: number }
  | { readonly verb: 'vdpa-del'; readonly name: string }
  | { readonly verb: 'eswitch'; readonly device: string; readonly mode: 'legacy' | 'switchdev' }
  | { readonly verb: 'param-set'; readonly device: string; readonly name: string; readonly value: boolean; readonly cmode: ParamCmode }
  | { readonly verb: 'reload'; readonly device: string }
  | {
    readonly verb: 'port-add'; readonly device: string; readonly flavour: string | null; readonly pfnum: number | null;
    readonly sfnum: number | null; readonly controller: number | null; readonly index: number | null;
  }
  | { readonly verb: 'port-function'; readonly port: string; readonly hwAddr?: string; readonly state?: 'active' | 'inactive' }
  | { readonly verb: 'port-del' | 'port-show'; readonly port: string }
  | { readonly verb: 'vfio-open' | 'vfio-close'; readonly group: number };

/** A step that cannot run: a usage error (shown as `err EINVAL`, as iproute2 exits) or an unknown step. */
export interface StepError {
  readonly error: string;
  readonly usage: boolean;
}

const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

function usage(error: string): StepError {
  return { error, usage: true };
}

/** C-style escapes of `printf`'s format: \n \t \\ \0 \xHH. */
function unescape(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|[nt0\\])/g, (_, code: string) => {
    if (code.startsWith('x')) return String.fromCharCode(parseInt(code.slice(1), 16));
    return { n: '\n', t: '\t', '0': '\0', '\\': '\\' }[code] ?? code;
  });
}

/** `key value` pairs after the fixed words; null when a key lacks its value. */
function pairs(words: readonly string[]): Map<string, string> | null {
  const found = new Map<string, string>();
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i];
    const value = words[i + 1];
    if (key === undefined || value === undefined) return null;
    found.set(key, value);
  }
  return found;
}

function number(value: string | undefined): number | null | 'bad' {
  if (value === undefined) return null;
  return /^\d+$/.test(value) ? Number(value) : 'bad';
}

function parseVdpa(words: readonly string[]): Step | StepError {
  if (words[1] === 'dev' && words[2] === 'del') {
    return words[3] === undefined || words.length > 4 ? usage('vdpa dev del NAME') : { verb: 'vdpa-del', name: words[3] };
  }
  if (words[1] !== 'dev' || words[2] !== 'add') return { error: `unknown vdpa command: ${words.join(' ')}`, usage: false };
  const options = pairs(words.slice(3));
  if (!options || [...options.keys()].some((key) => !['name', 'mgmtdev', 'mac', 'mtu', 'max_vqp'].includes(key))) {
    return usage('vdpa dev add name NAME mgmtdev MGMTDEV [mac MAC] [mtu MTU] [max_vqp N]');
  }
  const mac = options.get('mac');
  const mtu = number(options.get('mtu'));
  const maxVqp = number(options.get('max_vqp'));
  if ((mac !== undefined && !MAC.test(mac)) || mtu === 'bad' || maxVqp === 'bad' || (mtu ?? 0) > 0xffff || (maxVqp ?? 0) > 0xffff) {
    return usage('invalid mac, mtu or max_vqp');
  }
  return {
    verb: 'vdpa-add', name: options.get('name') ?? null, mgmtdev: options.get('mgmtdev') ?? null,
    ...(mac === undefined ? {} : { mac }), ...(mtu === null ? {} : { mtu }), ...(maxVqp === null ? {} : { maxVqp }),
  };
}

const FLAVOURS = ['physical', 'cpu', 'dsa', 'pcipf', 'pcivf', 'pcisf', 'virtual'];

function parsePortAdd(words: readonly string[]): Step | StepError {
  const device = words[3];
  const options = pairs(words.slice(4));
  if (device === undefined || !options || [...options.keys()].some((key) => !['flavour', 'pfnum', 'sfnum', 'controller', 'index'].includes(key))) {
    return usage('devlink port add DEV flavour FLAVOUR pfnum N [sfnum N] [controller N]');
  }
  const flavour = options.get('flavour') ?? null;
  const numbers = ['pfnum', 'sfnum', 'controller', 'index'].map((key) => number(options.get(key)));
  if ((flavour !== null && !FLAVOURS.includes(flavour)) || numbers.includes('bad')) return usage('invalid flavour or number');
  const [pfnum, sfnum, controller, index] = numbers as (number | null)[];
  return { verb: 'port-add', device, flavour, pfnum: pfnum ?? null, sfnum: sfnum ?? null, controller: controller ?? null, index: index ?? null };
}

const CMODES: readonly string[] = ['runtime', 'driverinit', 'permanent'];

/** `devlink dev param set DEV name NAME value VALUE cmode CMODE`; the modelled parameters are bools. */
function parseParamSet(words: readonly string[]): Step | StepError {
  const device = words[4];
  const options = pairs(words.slice(5));
  const name = options?.get('name');
  const value = options?.get('value');
  const cmode = options?.get('cmode');
  if (device === undefined || !options || options.size !== 3 || name === undefined || cmode === undefined || !CMODES.includes(cmode)
    || (value !== 'true' && value !== 'false')) {
    return usage('devlink dev param set DEV name NAME value true|false cmode runtime|driverinit|permanent');
  }
  return { verb: 'param-set', device, name, value: value === 'true', cmode: cmode as ParamCmode };
}

function parseDevlink(words: readonly string[]): Step | StepError {
  const [, object, command] = words;
  if (object === 'dev' && command === 'eswitch' && words[3] === 'set') {
    const mode = words[6];
    if (words[4] === undefined || words[5] !== 'mode' || (mode !== 'legacy' && mode !== 'switchdev') || words.length > 7) {
      return usage('devlink dev eswitch set DEV mode legacy|switchdev');
    }
    return { verb: 'eswitch', device: words[4], mode };
  }
  if (object === 'dev' && command === 'param' && words[3] === 'set') return parseParamSet(words);
  if (object === 'dev' && command === 'reload') {
    return words[3] === undefined || words.length > 4 ? usage('devlink dev reload DEV') : { verb: 'reload', device: words[3] };
  }
  if (object !== 'port') return { error: `unknown devlink command: ${words.join(' ')}`, usage: false };
  if (command === 'add') return parsePortAdd(words);
  if (command === 'del' || command === 'show') {
    return words[3] === undefined || words.length > 4 ? usage(`devlink port ${command} PORT`) : { verb: command === 'del' ? 'port-del' : 'port-show', port: words[3] };
  }
  if (command === 'function' && words[3] === 'set' && words[4] !== undefined) {
    const options = pairs(words.slice(5));
    if (!options || options.size === 0 || [...options.keys()].some((key) => key !== 'hw_addr' && key !== 'state')) {
      return usage('devlink port function set PORT [hw_addr MAC] [state active|inactive]');
    }
    const state = options.get('state');
    if (state !== undefined && state !== 'active' && state !== 'inactive') return usage('state active|inactive');
    const hwAddr = options.get('hw_addr');
    return { verb: 'port-function', port: words[4], ...(hwAddr === undefined ? {} : { hwAddr }), ...(state === undefined ? {} : { state }) };
  }
  return { error: `unknown devlink command: ${words.join(' ')}`, usage: false };
}

/** The path and the value of `write PATH [VALUE]`: VALUE is the rest of the line, verbatim. */
function pathAndValue(line: string, verb: string): { path: string; value: string } {
  const rest = line.slice(verb.length + 1);
  const space = rest.indexOf(' ');
  return space < 0 ? { path: rest, value: '' } : { path: rest.slice(0, space), value: rest.slice(space + 1) };
}

export function parseStep(line: string): Step | StepError {
  const words = line.trim().split(/\s+/);
  const [verb] = words;
  switch (verb) {
    case 'write': {
      const { path, value } = pathAndValue(line.trimStart(), verb);
      return path === '' ? usage('write PATH [VALUE]') : { verb, path, data: `${value}\n` };
    }
    case 'printf': {
      const { path, value } = pathAndValue(line.trimStart(), verb);
      return path === '' ? usage('printf PATH FORMAT') : { verb, path, data: unescape(value) };
    }
    case 'read': case 'link': case 'ls': case 'exists':
      return words.length === 2 && words[1] ? { verb, path: words[1] } : usage(`${verb} PATH`);
    case 'modprobe': {
      const args = words.slice(1).filter((word) => word !== '-q');
      const [module, ...rest] = args;
      if (module === undefined || rest.some((word) => !word.includes('='))) return usage('modprobe MODULE [param=value...]');
      return { verb, module, params: Object.fromEntries(rest.map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)])) };
    }
    case 'coldplug':
      return words.length <= 2 ? { verb, bus: words[1] ?? 'pci' } : usage('coldplug [BUS]');
    case 'settle':
      return words.length === 1 ? { verb } : usage('settle');
    case 'vdpa':
      return parseVdpa(words);
    case 'devlink':
      return parseDevlink(words);
    case 'vfio': {
      const group = words[2];
      if ((words[1] !== 'open' && words[1] !== 'close') || group === undefined || !/^\d+$/.test(group) || words.length > 3) {
        return usage('vfio open|close GROUP');
      }
      return { verb: words[1] === 'open' ? 'vfio-open' : 'vfio-close', group: Number(group) };
    }
    default:
      return { error: `unknown step "${verb ?? ''}"`, usage: false };
  }
}
