// Scenario files in data/scenarios: listing them, and booting one into a
// machine. A booted start state is kept per process (keyed by the file's
// text), so booting the same scenario again is a copy, not a boot.
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '../data-dir';
import { SimMachine } from '../machine';
import type { SimState } from '../kernel/state';
import { bootKernel, runBoot } from './boot';
import { aliasFilePath, buildCatalog } from './catalog';
import { ScenarioError } from './errors';
import { factsProblems } from './facts';
import type { Scenario } from './schema';
import { validateScenario } from './validate';

export interface ScenarioSummary {
  readonly name: string;
  readonly description: string;
  /** Why the file cannot be booted; null when it is valid. */
  readonly error: string | null;
  /** `uname -r` of the simulated machine; null when the file is invalid. */
  readonly kernelRelease: string | null;
  /** The modules.alias file its modules come from; null when the file is invalid. */
  readonly modulesAliasFile: string | null;
}

const booted = new Map<string, { readonly text: string; readonly state: SimState }>();

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(file, [`not JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function scenariosDir(): string {
  return path.join(dataDir(), 'scenarios');
}

function aliasFile(name: string): string {
  return aliasFilePath(dataDir(), name);
}

export function listScenarios(): ScenarioSummary[] {
  return fs.readdirSync(scenariosDir())
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      try {
        const scenario = validateScenario(parseJson(fs.readFileSync(path.join(scenariosDir(), file), 'utf8'), file), file, aliasFile);
        return {
          name,
          description: scenario.description,
          error: scenario.name === name ? null : `its name is "${scenario.name}", not "${name}"`,
          kernelRelease: scenario.kernelRelease,
          modulesAliasFile: aliasFile(scenario.modulesAlias),
        };
      } catch (error) {
        return { name, description: '', error: error instanceof Error ? error.message : String(error), kernelRelease: null, modulesAliasFile: null };
      }
    });
}

/** The booted machine of a parsed, valid scenario; its facts must hold on it. */
function boot(scenario: Scenario): SimState {
  const machine = new SimMachine(bootKernel(scenario, buildCatalog(scenario.modules, aliasFile(scenario.modulesAlias))));
  runBoot(scenario, machine);
  const problems = factsProblems(machine, machine.facts());
  if (problems.length > 0) throw new ScenarioError(scenario.name, problems);
  return machine.toJSON();
}

/**
 * A fresh machine in the scenario's start state: by name (a file in
 * data/scenarios) or from a scenario object. Throws a ScenarioError for a
 * missing or invalid scenario.
 */
export function bootScenario(scenario: string | Readonly<Record<string, unknown>>): SimMachine {
  if (typeof scenario !== 'string') return new SimMachine(boot(validateScenario(scenario, 'scenario', aliasFile)));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(scenario)) throw new ScenarioError(scenario, ['not a scenario name']);
  const file = path.join(scenariosDir(), `${scenario}.json`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ScenarioError(scenario, [`no such scenario: ${file} does not exist`]);
  }
  let cached = booted.get(scenario);
  if (cached?.text !== text) {
    const parsed = validateScenario(parseJson(text, `${scenario}.json`), `${scenario}.json`, aliasFile);
    if (parsed.name !== scenario) throw new ScenarioError(scenario, [`name: "${parsed.name}" must be the file's name, "${scenario}"`]);
    cached = { text, state: boot(parsed) };
    booted.set(scenario, cached);
  }
  return new SimMachine(cached.state);
}
