// Machines for the simulator's tests: scenarios by name (data/scenarios) or
// the test-only ones in test/fixtures/sim-scripts/scenarios, and the script
// fixtures with the scenario each names in its `# scenario:` line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SimMachine } from '../../../../../../src-main/engine/sim/machine';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../fixtures');

export const SCRIPTS_DIR = path.join(FIXTURES, 'sim-scripts');
export const EXAMPLES_DIR = path.join(FIXTURES, 'kernel-vm/examples');
const TEST_SCENARIOS = path.join(SCRIPTS_DIR, 'scenarios');

/** A freshly booted machine: a test scenario of the fixtures, else one of data/scenarios. */
export function boot(name: string): SimMachine {
  const file = path.join(TEST_SCENARIOS, `${name}.json`);
  if (fs.existsSync(file)) return bootScenario(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>);
  return bootScenario(name);
}

/** The scenario a script names in its `# scenario: NAME` line (qemu-q35 when none). */
export function scenarioOf(script: string): string {
  return /^# scenario: (\S+)$/m.exec(script)?.[1] ?? 'qemu-q35';
}

export function scriptNames(): string[] {
  return fs.readdirSync(SCRIPTS_DIR).filter((file) => file.endsWith('.sysfs')).map((file) => file.slice(0, -'.sysfs'.length)).sort();
}

export function readFixture(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}
