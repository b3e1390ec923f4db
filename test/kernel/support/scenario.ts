// The simulated twin of the test VM and the fixtures its scripts come from.
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const SCENARIO = 'qemu-q35';
export const SIM_SCRIPTS = path.join(REPO, 'test/fixtures/sim-scripts');
export const EXAMPLES = path.join(REPO, 'test/fixtures/kernel-vm/examples');

interface ScenarioFile {
  readonly boot: readonly string[];
  readonly modulesAlias: string;
}

const scenario = JSON.parse(fs.readFileSync(path.join(REPO, 'data/scenarios', `${SCENARIO}.json`), 'utf8')) as ScenarioFile;

/** The scenario's boot steps: the guest runs them to reach the start state the simulator boots to. */
export const BOOT_STEPS: readonly string[] = scenario.boot;

/** The modules.alias the scenario's machine (and so the planner on it) uses. */
export const MODULES_ALIAS = path.join(REPO, 'data/modules-alias', scenario.modulesAlias);

/** The scenario a conformance script names in its `# scenario: NAME` line (qemu-q35 when none), as conformance.test.ts reads it. */
export function scenarioOf(script: string): string {
  return /^# scenario: (\S+)$/m.exec(script)?.[1] ?? SCENARIO;
}
