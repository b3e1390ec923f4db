// The guest program, run by init.sh in the test VM: brings the machine to the
// scenario's start state with the scenario's own boot steps, then runs its job
// (sysfs scripts, or the plan sequence through the real engine) and prints one
// JSON report a line on stdout (ttyS1).
import fs from 'node:fs';
import os from 'node:os';
import { loadAliasDatabase } from '../../../src-main/engine/alias/database';
import { LinuxHost } from '../../../src-main/engine/host/linux-host';
import { openIdDatabase } from '../../../src-main/engine/ids/id-database';
import { RealRunner } from '../runner/run-real';
import type { Job, PlansJob, Report } from '../support/job';
import { observe } from '../support/observe';
import { runPlanSequence } from '../support/plan-sequence';
import { nodeFiles } from './node-files';

const emit = (report: Report): void => {
  process.stdout.write(`${JSON.stringify(report)}\n`);
};

function timed<T>(phase: string, work: () => T): T {
  const start = Date.now();
  const result = work();
  emit({ kind: 'time', phase, ms: Date.now() - start });
  return result;
}

async function runPlans(job: PlansJob): Promise<void> {
  // The real engine on the real machine: changes go in process, as root, to /sys.
  const host = new LinuxHost({ root: '/', ids: openIdDatabase() });
  const aliases = loadAliasDatabase({ root: '/', kernelRelease: os.release(), modulesAliasFile: job.modulesAlias });
  emit({ kind: 'start', state: observe(nodeFiles) });
  const start = Date.now();
  await runPlanSequence(host, aliases, '/tmp/bindery-state', () => observe(nodeFiles), (record) => emit({ kind: 'plan', record }));
  emit({ kind: 'time', phase: 'plans', ms: Date.now() - start });
}

async function main(): Promise<void> {
  emit({ kind: 'time', phase: 'node-start', ms: Math.round(performance.now()) });
  const job = JSON.parse(fs.readFileSync(process.argv[2] ?? '/job/job.json', 'utf8')) as Job;
  const runner = new RealRunner('/sbin/vfio-attach');
  timed('boot', () => runner.runScript(job.boot.join('\n'), (line) => emit({ kind: 'line', script: 'boot', line })));
  if (job.kind === 'scripts') {
    for (const script of job.scripts) {
      timed(script.name, () => runner.runScript(script.text, (line) => emit({ kind: 'line', script: script.name, line })));
    }
  } else {
    await runPlans(job);
  }
  emit({ kind: 'done' });
}

main().catch((error: unknown) => {
  emit({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
