// Parses `bindery ...` into one command; every mistake becomes a BAD_INPUT
// error that names the problem and shows the usage.
import { parseArgs } from 'node:util';
import { BinderyFailure, bindery } from '../../src-shared/errors';
import { ENGINE_OPTION_SPEC, engineOptionsFrom } from '../engine/service/engine-options';
import type { EngineOptions } from '../engine/service/engine-options';

export const USAGE = `usage:
  bindery list [--bus BUS] [--json]
  bindery show DEVICE [--json]
  bindery candidates DEVICE [--json]
  bindery candidates --modalias STRING [--json]
  bindery candidates --modalias-file FILE [--json]
  bindery plan GOAL ARGS [--json]
  bindery apply GOAL ARGS [--yes] [--force] [--json]
  bindery undo [--yes] [--force] [--json]
  bindery history [--json]
  bindery recover [finish|undo] [--json]
  bindery persist DEVICE | bindery unpersist DEVICE
  bindery persisted [--import-driverctl] [--json]
  bindery sim list [--json]
  bindery sim materialize SCENARIO DIR
  bindery sim script SCENARIO FILE...
  bindery sim run SCENARIO FILE...
  bindery sim reset SCENARIO

DEVICE is a device name such as 0000:00:02.0, or BUS/NAME such as usb/1-1.
GOAL ARGS is one of:
  assign-vfio DEVICE...      hand devices to VFIO (with their IOMMU group and slot companions)
  return-to-host DEVICE...   give them back to the driver they had before
  bind DEVICE DRIVER | unbind DEVICE | set-override DEVICE DRIVER | clear-override DEVICE
plan shows what would happen and changes nothing; apply shows it, asks, applies, verifies each
step and rolls back on failure. --force applies despite refusals that may be overridden.
Exit codes: 0 done, 1 refused (nothing changed), 2 bad input, 3 failed and rolled back.
Common options:
  --host HOST           local (this computer) or sim:SCENARIO (a simulated host that keeps
                        its state between runs until bindery sim reset)
  --sysfs-root DIR      read the sysfs tree under DIR instead of / (DIR contains sys/)
  --modules-alias FILE  use FILE instead of the running kernel's modules.alias
  --json                print JSON for scripts
  --help                print this help
Simulations: sim script runs sysfs scripts on a fresh start state; sim run changes the
saved simulation that --host sim:SCENARIO and the app's demo mode show.`;

export type GoalKindArg = 'assign-vfio' | 'return-to-host' | 'bind' | 'unbind' | 'set-override' | 'clear-override';

/** A goal as typed: devices as the person named them (resolved against the host later). */
export interface GoalSpec {
  readonly kind: GoalKindArg;
  readonly devices: readonly string[];
  readonly driver: string | null;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly bus: string | null }
  | { readonly kind: 'show'; readonly device: string }
  | { readonly kind: 'candidates'; readonly device: string }
  | { readonly kind: 'candidates-modalias'; readonly modalias: string }
  | { readonly kind: 'candidates-file'; readonly file: string }
  | { readonly kind: 'plan'; readonly goal: GoalSpec }
  | { readonly kind: 'apply'; readonly goal: GoalSpec; readonly yes: boolean; readonly force: boolean }
  | { readonly kind: 'undo'; readonly yes: boolean; readonly force: boolean }
  | { readonly kind: 'history' }
  | { readonly kind: 'recover'; readonly action: 'finish' | 'undo' | null }
  | { readonly kind: 'persist'; readonly device: string; readonly keep: boolean }
  | { readonly kind: 'persisted'; readonly importDriverctl: boolean }
  | { readonly kind: 'sim-list' }
  | { readonly kind: 'sim-materialize'; readonly scenario: string; readonly dir: string }
  | { readonly kind: 'sim-script'; readonly scenario: string; readonly files: readonly string[] }
  | { readonly kind: 'sim-run'; readonly scenario: string; readonly files: readonly string[] }
  | { readonly kind: 'sim-reset'; readonly scenario: string };

export interface CommandLine {
  readonly command: Command;
  readonly json: boolean;
  readonly engine: EngineOptions;
}

function usageError(detail: string): BinderyFailure {
  return new BinderyFailure(bindery('BAD_INPUT', 'Invalid command line', detail, USAGE));
}

function expectPositionals(name: string, positionals: readonly string[], count: number, what: string): void {
  if (positionals.length < count) throw usageError(`bindery ${name} needs ${what}.`);
  if (positionals.length > count) throw usageError(`bindery ${name} takes ${what} only, not "${positionals.slice(count).join(' ')}".`);
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      ...ENGINE_OPTION_SPEC,
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      bus: { type: 'string' },
      modalias: { type: 'string' },
      'modalias-file': { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      force: { type: 'boolean' },
      'import-driverctl': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [name, ...rest] = positionals;
  const json = values.json === true;
  if (values.help || name === undefined || name === 'help') {
    return { command: { kind: 'help' }, json, engine: { sysfsRoot: '/', modulesAlias: null, host: 'local' } };
  }
  const only = (allowed: readonly string[]) => {
    for (const option of ['bus', 'modalias', 'modalias-file', 'yes', 'force', 'import-driverctl'] as const) {
      if (values[option] !== undefined && !allowed.includes(option)) {
        throw usageError(`--${option} does not apply to bindery ${name}.`);
      }
    }
  };
  let command: Command;
  switch (name) {
    case 'list':
      only(['bus']);
      expectPositionals(name, rest, 0, 'no device');
      command = { kind: 'list', bus: values.bus ?? null };
      break;
    case 'show':
      only([]);
      expectPositionals(name, rest, 1, 'one DEVICE');
      command = { kind: 'show', device: rest[0] as string };
      break;
    case 'candidates': {
      only(['modalias', 'modalias-file']);
      const given = [rest.length > 0, values.modalias !== undefined, values['modalias-file'] !== undefined].filter(Boolean);
      if (given.length !== 1) throw usageError('bindery candidates needs exactly one of DEVICE, --modalias or --modalias-file.');
      if (values.modalias !== undefined) command = { kind: 'candidates-modalias', modalias: values.modalias };
      else if (values['modalias-file'] !== undefined) command = { kind: 'candidates-file', file: values['modalias-file'] };
      else {
        expectPositionals(name, rest, 1, 'one DEVICE');
        command = { kind: 'candidates', device: rest[0] as string };
      }
      break;
    }
    case 'plan':
      only([]);
      command = { kind: 'plan', goal: goalSpec(name, rest) };
      break;
    case 'apply':
      only(['yes', 'force']);
      command = { kind: 'apply', goal: goalSpec(name, rest), yes: values.yes === true, force: values.force === true };
      break;
    case 'undo':
      only(['yes', 'force']);
      expectPositionals(name, rest, 0, 'no argument');
      command = { kind: 'undo', yes: values.yes === true, force: values.force === true };
      break;
    case 'history':
      only([]);
      expectPositionals(name, rest, 0, 'no argument');
      command = { kind: 'history' };
      break;
    case 'recover': {
      only([]);
      const [action, ...extra] = rest;
      if (extra.length > 0 || (action !== undefined && action !== 'finish' && action !== 'undo')) {
        throw usageError('bindery recover takes finish, undo, or nothing (to see what was interrupted).');
      }
      command = { kind: 'recover', action: action ?? null };
      break;
    }
    case 'persist':
    case 'unpersist':
      only([]);
      expectPositionals(name, rest, 1, 'one DEVICE');
      command = { kind: 'persist', device: rest[0] as string, keep: name === 'persist' };
      break;
    case 'persisted':
      only(['import-driverctl']);
      expectPositionals(name, rest, 0, 'no argument');
      command = { kind: 'persisted', importDriverctl: values['import-driverctl'] === true };
      break;
    case 'sim':
      only([]);
      command = simCommand(rest);
      break;
    default:
      throw usageError(`"${name}" is not a bindery command.`);
  }
  return { command, json, engine: engineOptionsFrom(values) };
}

function simCommand(args: readonly string[]): Command {
  const [verb, ...rest] = args;
  const name = `sim ${verb ?? ''}`.trim();
  switch (verb) {
    case 'list':
      expectPositionals(name, rest, 0, 'no argument');
      return { kind: 'sim-list' };
    case 'materialize':
      expectPositionals(name, rest, 2, 'SCENARIO and DIR');
      return { kind: 'sim-materialize', scenario: rest[0] as string, dir: rest[1] as string };
    case 'script':
    case 'run': {
      const [scenario, ...files] = rest;
      if (scenario === undefined || files.length === 0) throw usageError(`bindery ${name} needs SCENARIO and at least one FILE.`);
      return { kind: verb === 'script' ? 'sim-script' : 'sim-run', scenario, files };
    }
    case 'reset':
      expectPositionals(name, rest, 1, 'one SCENARIO');
      return { kind: 'sim-reset', scenario: rest[0] as string };
    default:
      throw usageError(verb === undefined
        ? 'bindery sim needs one of list, materialize, script, run, reset.'
        : `"sim ${verb}" is not a bindery command.`);
  }
}

const GOAL_ARGS: Readonly<Record<GoalKindArg, { readonly drivers: boolean; readonly many: boolean }>> = {
  'assign-vfio': { drivers: false, many: true },
  'return-to-host': { drivers: false, many: true },
  bind: { drivers: true, many: false },
  unbind: { drivers: false, many: false },
  'set-override': { drivers: true, many: false },
  'clear-override': { drivers: false, many: false },
};

function isGoalKind(word: string | undefined): word is GoalKindArg {
  return word !== undefined && Object.hasOwn(GOAL_ARGS, word);
}

function goalSpec(command: string, args: readonly string[]): GoalSpec {
  const [kind, ...rest] = args;
  if (!isGoalKind(kind)) {
    throw usageError(`bindery ${command} needs a GOAL: ${Object.keys(GOAL_ARGS).join(', ')}${kind ? `, not "${kind}"` : ''}.`);
  }
  const shape = GOAL_ARGS[kind];
  if (shape.drivers) {
    expectPositionals(`${command} ${kind}`, rest, 2, 'DEVICE and DRIVER');
    return { kind, devices: [rest[0] as string], driver: rest[1] as string };
  }
  if (shape.many) {
    if (rest.length === 0) throw usageError(`bindery ${command} ${kind} needs at least one DEVICE.`);
    return { kind, devices: rest, driver: null };
  }
  expectPositionals(`${command} ${kind}`, rest, 1, 'one DEVICE');
  return { kind, devices: rest, driver: null };
}
