// The simulator's ABI conformance scripts that run on qemu-q35, each on a
// freshly booted test VM: the real kernel must print what the simulator
// prints, line for line (and the simulator's own suite checks that is the
// script's .out).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootScenario } from '../../src-main/engine/sim/scenarios/load';
import { runScript } from '../../src-main/engine/sim/script/run';
import { linesOf, unfinished } from './support/reports';
import { BOOT_STEPS, SCENARIO, SIM_SCRIPTS, scenarioOf } from './support/scenario';
import { onRealKernel } from './support/suite';
import { runJob } from './support/vm';

const scripts = fs.readdirSync(SIM_SCRIPTS).filter((file) => file.endsWith('.sysfs')).sort()
  .map((file) => ({ name: file.slice(0, -'.sysfs'.length), text: fs.readFileSync(path.join(SIM_SCRIPTS, file), 'utf8') }))
  .filter((script) => scenarioOf(script.text) === SCENARIO);

describe('conformance scripts on the real kernel', () => {
  const vms = onRealKernel((prepared) =>
    Promise.all(scripts.map((script) => runJob(prepared, script.name, { kind: 'scripts', boot: BOOT_STEPS, scripts: [script] }))));

  it('there are qemu-q35 scripts to run', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(14);
  });

  scripts.forEach((script, index) => {
    it(script.name, (ctx) => {
      const run = vms(ctx)[index];
      if (run === undefined) throw new Error(`no VM ran ${script.name}`);
      expect(unfinished(run)).toBeNull();
      expect(linesOf(run, 'boot')).toEqual(BOOT_STEPS.map((step) => `${step} => ok`));
      expect(linesOf(run, script.name)).toEqual(runScript(bootScenario(SCENARIO), script.text));
    });
  });
});
