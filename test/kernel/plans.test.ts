// DESIGN.md's promise: the same plan on the simulator and on Linux leaves the
// same observable state. The real engine (ChangeService: planGoal and
// applyPlan, a LinuxHost changing /sys in process as root) applies the plan
// sequence in the test VM; the same sequence runs on the simulated qemu-q35;
// after every plan the steps, findings, outcome and observed state must match.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from './support/job';
import type { ObservedState } from './support/observe';
import type { PlanRecord } from './support/plan-record';
import { PLAN_SEQUENCE } from './support/plan-sequence';
import { unfinished } from './support/reports';
import { BOOT_STEPS, MODULES_ALIAS } from './support/scenario';
import { runOnTwin } from './support/sim-twin';
import type { TwinRun } from './support/sim-twin';
import { onRealKernel } from './support/suite';
import { runJob } from './support/vm';

/** What must agree: everything but the wording of errors. */
const comparable = ({ move, steps, findings, status, state }: PlanRecord): Omit<PlanRecord, 'error'> => ({ move, steps, findings, status, state });

describe('plans leave the same state on the real kernel and on the simulator', () => {
  const vm = onRealKernel((prepared) =>
    runJob(prepared, 'plans', { kind: 'plans', boot: BOOT_STEPS, modulesAlias: '/job/modules.alias' }, {
      files: new Map([['modules.alias', fs.readFileSync(MODULES_ALIAS)]]),
    }));
  let twin: TwinRun;
  beforeAll(async () => {
    twin = await runOnTwin();
  });

  const real = (run: ReturnType<typeof vm>): { start: ObservedState | null; records: PlanRecord[] } => {
    const reports = run.reports;
    const start = reports.find((r): r is Extract<Report, { kind: 'start' }> => r.kind === 'start')?.state ?? null;
    return { start, records: reports.flatMap((r) => (r.kind === 'plan' ? [r.record] : [])) };
  };

  it('the VM starts where the simulation does', (ctx) => {
    const run = vm(ctx);
    expect(unfinished(run)).toBeNull();
    expect(real(run).start).toEqual(twin.start);
  });

  PLAN_SEQUENCE.forEach((move, index) => {
    it(move.name, (ctx) => {
      const record = real(vm(ctx)).records[index];
      const simulated = twin.records[index];
      if (record === undefined || simulated === undefined) throw new Error(`no record of ${move.name}`);
      // Each plan must really change something and succeed on both, else the comparison proves nothing.
      expect(simulated.steps.length, simulated.error ?? '').toBeGreaterThan(0);
      expect([simulated.status, record.status], record.error ?? simulated.error ?? '').toEqual(['done', 'done']);
      expect(comparable(record)).toEqual(comparable(simulated));
    });
  });

  it('the undos bring the VM back to where it started', (ctx) => {
    const { start, records } = real(vm(ctx));
    expect(records).toHaveLength(PLAN_SEQUENCE.length);
    expect(records.at(-1)?.state).toEqual(start);
  });
});
