// `bindery sim ...`: the simulated hosts. `script` runs sysfs scripts on a
// fresh start state (for comparing with a real kernel); `run` changes the
// saved simulation that `--host sim:NAME` and the app's demo mode show.
import fs from 'node:fs';
import path from 'node:path';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { SimStore } from '../../engine/host/sim-store';
import type { SimMachine } from '../../engine/sim/machine';
import { materialize } from '../../engine/sim/materialize/materialize';
import { bootScenario, listScenarios } from '../../engine/sim/scenarios/load';
import { runScript } from '../../engine/sim/script/run';
import { table } from '../format/table';

/** The scenario's name if it exists and is valid; a BAD_INPUT naming the choices otherwise. */
export function requireScenario(name: string): string {
  const scenarios = listScenarios();
  const found = scenarios.find((s) => s.name === name);
  if (!found) {
    throw new BinderyFailure(
      bindery('BAD_INPUT', 'No such scenario', `There is no simulated scenario "${name}".`,
        `Scenarios: ${scenarios.map((s) => s.name).join(', ')} (bindery sim list).`),
    );
  }
  if (found.error) {
    throw new BinderyFailure(bindery('BAD_INPUT', 'Broken scenario', `Scenario ${name} cannot be booted: ${found.error}`));
  }
  return name;
}

export function simList(store: SimStore, json: boolean): string {
  const scenarios = listScenarios().map((s) => ({ ...s, changed: store.stamp(s.name) !== null }));
  if (json) return JSON.stringify(scenarios, null, 2);
  return table(
    ['SCENARIO', 'STATE', 'DESCRIPTION'],
    scenarios.map((s) => [s.name, s.error ? 'broken' : s.changed ? 'changed' : 'start', s.error ?? s.description]),
  );
}

function readScript(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new BinderyFailure(
      bindery('UNREADABLE_FILE', 'Cannot read the script', `${file}: ${(error as Error).message}.`,
        'A sysfs script is a text file with one step a line (write, read, link, ls, exists, ...).'),
    );
  }
}

/** Every file's results, each after a `# <file name>` line. Files are read before anything runs. */
function runFiles(machine: SimMachine, files: readonly string[]): string {
  const scripts = files.map((file) => ({ file, text: readScript(file) }));
  return scripts.flatMap(({ file, text }) => [`# ${path.basename(file)}`, ...runScript(machine, text)]).join('\n');
}

export function simScript(scenario: string, files: readonly string[]): string {
  return runFiles(bootScenario(requireScenario(scenario)), files);
}

export function simRun(store: SimStore, scenario: string, files: readonly string[]): string {
  requireScenario(scenario);
  files.forEach(readScript);
  return store.change(scenario, (machine) => runFiles(machine, files)).result;
}

export function simReset(store: SimStore, scenario: string): string {
  requireScenario(scenario);
  return store.reset(scenario)
    ? `${scenario} is back at its start state.`
    : `${scenario} was already at its start state.`;
}

export function simMaterialize(store: SimStore, scenario: string, dir: string): string {
  requireScenario(scenario);
  const target = path.resolve(dir);
  if (fs.existsSync(target) && (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0)) {
    throw new BinderyFailure(
      bindery('BAD_INPUT', 'Folder not empty', `${target} exists and is not an empty folder.`,
        'Name a new or empty folder; Bindery will not write over files.'),
    );
  }
  fs.mkdirSync(target, { recursive: true });
  materialize(store.load(scenario), target);
  return [
    `Wrote ${scenario} to ${path.join(target, 'sys')}.`,
    `Read it with: bindery list --sysfs-root ${target}`,
    `         or: lspci -nnk -O sysfs.path=${path.join(target, 'sys', 'bus', 'pci')}`,
  ].join('\n');
}
