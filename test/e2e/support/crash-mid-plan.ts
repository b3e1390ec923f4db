// Leaves a plan interrupted, as a crash would: applies GOAL to a saved
// simulation and kills its own process right after step N, so the journal
// stays behind for the next Bindery to find. Its input comes in the
// environment, beside XDG_STATE_HOME:
//   CRASH_SCENARIO=workstation CRASH_GOAL='{"kind":...}' CRASH_AFTER=3 node scripts/run-ts.mjs test/e2e/support/crash-mid-plan.ts
import type { Goal } from '../../../src-shared/plan';
import { loadAliasDatabase } from '../../../src-main/engine/alias/database';
import type { Host } from '../../../src-main/engine/host/host';
import { SimHost } from '../../../src-main/engine/host/sim-host';
import { SimStore } from '../../../src-main/engine/host/sim-store';
import { openIdDatabase } from '../../../src-main/engine/ids/id-database';
import { openSession } from '../../../src-main/engine/service/host-session';
import { listScenarios } from '../../../src-main/engine/sim/scenarios/load';

const { CRASH_SCENARIO = '', CRASH_GOAL = '', CRASH_AFTER = '' } = process.env;
const scenario = listScenarios().find((s) => s.name === CRASH_SCENARIO);
if (!scenario?.kernelRelease || !scenario.modulesAliasFile) throw new Error(`No usable scenario ${CRASH_SCENARIO}`);
const stepsBeforeCrash = Number(CRASH_AFTER);

const sim = new SimHost({ scenario: scenario.name, kernelRelease: scenario.kernelRelease, store: new SimStore(), ids: openIdDatabase() });
let performed = 0;
// The simulated host, except that the process dies once N operations have reached the kernel.
const crashing = new Proxy<Host>(sim, {
  get(target, property, receiver) {
    if (property !== 'perform') return Reflect.get(target, property, receiver) as unknown;
    return async (...args: Parameters<NonNullable<Host['perform']>>) => {
      const result = await sim.perform(...args);
      performed += 1;
      if (performed >= stepsBeforeCrash) process.kill(process.pid, 'SIGKILL');
      return result;
    };
  },
});

const aliases = loadAliasDatabase({ root: '/', kernelRelease: scenario.kernelRelease, modulesAliasFile: scenario.modulesAliasFile });
const { changes } = openSession(crashing, aliases);
void changes.planGoal(JSON.parse(CRASH_GOAL) as Goal)
  .then((plan) => changes.applyPlan(plan.id, { force: false }))
  .then(() => {
    throw new Error(`The plan ended after ${performed} operations without the crash`);
  });
