// One case's plan with step k failing: the outcome says so, what was done
// is undone, and the machine is exactly as before the plan.
import { expect } from 'vitest';
import { applyPlan } from '../../../../../../src-main/engine/apply/apply-plan';
import type { Case } from './cases';
import { arrange, caseName, expectSameState, observe } from './cases';
import type { Fault } from './faulty-host';
import { faulty } from './faulty-host';

export async function failAt(c: Case, k: number, fault: Fault): Promise<void> {
  const a = await arrange(c);
  const { plan } = a;
  const host = faulty(a.lab.host(), [k, fault]);
  const outcome = await applyPlan(plan, host, a.options);
  const where = `${caseName(c)}, step ${k} (${plan.steps[k]?.description}): ${fault}`;
  expect(outcome.error?.code, where).toBe('STEP_FAILED');
  expect(outcome, where).toMatchObject({ status: 'rolled-back', stepsDone: k, failedStep: k });
  expect(outcome.error?.detail, where).toContain(`Step ${k + 1} (${plan.steps[k]?.description})`);
  expect(outcome.error?.detail, where).toContain(fault === 'errno' ? 'failed: injected failure: EIO' : 'was accepted but did not take effect');
  expectSameState(await observe(a.lab), a.start);
  expect(outcome.devices.every((d) => d.after.driver === d.before.driver && d.after.override === d.before.override), where).toBe(true);
  expect(a.lab.history.last(plan.hostId)?.outcome, where).toEqual(outcome);
  expect(a.lab.journal.read(plan.hostId), where).toBeNull();
}
