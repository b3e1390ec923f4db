// Crash recovery: Bindery dies right after each step of each plan (or just
// before it, or while rolling back); the next Bindery finds the journal, and
// both finishing and undoing leave a consistent state: finishing reaches the
// plan's goal, undoing the state before the plan, exactly; history records it.
import { afterEach, describe, expect, it } from 'vitest';
import type { InterruptedPlan } from '../../../../../src-shared/plan';
import { applyPlan } from '../../../../../src-main/engine/apply/apply-plan';
import { HistoryStore } from '../../../../../src-main/engine/apply/history';
import { Journal } from '../../../../../src-main/engine/apply/journal';
import type { RecoveryOptions } from '../../../../../src-main/engine/apply/recovery';
import { findInterrupted, finishInterrupted, undoInterrupted } from '../../../../../src-main/engine/apply/recovery';
import { CASES, arrange, caseName, expectGoalReached, expectSameState, observe } from './support/cases';
import type { Case, Ready } from './support/cases';
import type { Fault } from './support/faulty-host';
import { ProcessDied, faulty } from './support/faulty-host';
import { cleanLabs } from './support/lab';

afterEach(cleanLabs);

/** Applies the case's plan until the process "dies"; returns what the next Bindery finds. */
async function crash(c: Case, ...faults: readonly (readonly [number, Fault])[]): Promise<{ readonly a: Ready; readonly found: InterruptedPlan }> {
  const a = await arrange(c);
  const host = faulty(a.lab.host(), ...faults);
  await expect(applyPlan(a.plan, host, a.options)).rejects.toThrow(ProcessDied);
  // The next start: new objects, reading the same state directory.
  const found = findInterrupted(new Journal(), a.plan.hostId);
  if (found === null) throw new Error(`${caseName(c)}: no interrupted plan found`);
  expect(found.plan).toEqual(a.plan);
  return { a, found };
}

function recovery(): RecoveryOptions {
  return { journal: new Journal(), history: new HistoryStore() };
}

async function expectEnded(a: Ready, status: string): Promise<void> {
  expect(findInterrupted(a.lab.journal, a.plan.hostId)).toBeNull();
  const entry = new HistoryStore().last(a.plan.hostId);
  expect(entry?.plan.id).toBe(a.plan.id);
  expect(entry?.outcome.status).toBe(status);
}

describe('Bindery dies right after a step: the next start finishes or undoes it', () => {
  for (const c of CASES.filter((x) => x.scenario !== 'fleet')) {
    it(`${caseName(c)}: finish, after every step`, async () => {
      const { plan } = await arrange(c);
      for (const { index: k } of plan.steps) {
        const { a, found } = await crash(c, [k, 'dies-after']);
        expect(found.stepsDone, `step ${k}`).toBe(k);
        const outcome = await finishInterrupted(found, a.lab.host(), recovery());
        expect(outcome, `step ${k}`).toMatchObject({ status: 'done', stepsDone: plan.steps.length, error: null });
        expectGoalReached(c, await observe(a.lab), a);
        await expectEnded(a, 'done');
        const { goal } = plan;
        if (goal.kind === 'undo') expect(new HistoryStore().list(plan.hostId).find((e) => e.plan.id === goal.planId)?.undoneBy).toBe(plan.id);
      }
    });

    it(`${caseName(c)}: undo, after every step`, async () => {
      const { plan } = await arrange(c);
      for (const { index: k, inverse } of plan.steps) {
        const { a, found } = await crash(c, [k, 'dies-after']);
        const outcome = await undoInterrupted(found, a.lab.host(), recovery());
        // A loaded module is nothing to undo: the plan is placed before that step.
        expect(outcome, `step ${k}`).toMatchObject({ status: 'rolled-back', error: null, stepsDone: inverse === null ? k : k + 1 });
        expectSameState(await observe(a.lab), a.start);
        await expectEnded(a, 'rolled-back');
      }
    });
  }
});

describe('other interruptions', () => {
  const c = CASES.find((x) => x.scenario === 'workstation' && x.name === 'assign-vfio');
  if (c === undefined) throw new Error('no workstation case');

  it('dies before a step reached the kernel: the step had not happened, finish does it', async () => {
    const { plan } = await arrange(c);
    for (const { index: k } of plan.steps) {
      const { a, found } = await crash(c, [k, 'dies-before']);
      expect(await finishInterrupted(found, a.lab.host(), recovery())).toMatchObject({ status: 'done' });
      expectGoalReached(c, await observe(a.lab), a);
    }
    for (const { index: k } of plan.steps) {
      const { a, found } = await crash(c, [k, 'dies-before']);
      expect(await undoInterrupted(found, a.lab.host(), recovery())).toMatchObject({ status: 'rolled-back', stepsDone: k });
      expectSameState(await observe(a.lab), a.start);
    }
  });

  it('dies while rolling back a failed step: finish tries again, undo completes the rollback', async () => {
    // Step 5 fails; the rollback undoes step 4 and dies right after.
    const { a, found } = await crash(c, [4, 'errno'], [5, 'dies-after']);
    expect(a.lab.journal.read(a.plan.hostId)).toMatchObject({ phase: 'rolling-back', step: 3, failedStep: 4 });
    expect(await undoInterrupted(found, a.lab.host(), recovery())).toMatchObject({ status: 'rolled-back', failedStep: null });
    expectSameState(await observe(a.lab), a.start);

    const again = await crash(c, [4, 'errno'], [5, 'dies-after']);
    expect(await finishInterrupted(again.found, again.a.lab.host(), recovery())).toMatchObject({ status: 'done' });
    expectGoalReached(c, await observe(again.a.lab), again.a);
  });

  it('the machine rebooted: every device is back as it started; finish applies it all, undo has nothing to do', async () => {
    const { a, found } = await crash(c, [3, 'dies-after']);
    a.lab.store.reset(a.lab.scenario);
    const host = a.lab.host();
    const asked = faulty(host);
    expect(await finishInterrupted(found, asked, recovery())).toMatchObject({ status: 'done' });
    expect(asked.asked).toHaveLength(a.plan.steps.length);
    expectGoalReached(c, await observe(a.lab), a);

    const again = await crash(c, [3, 'dies-after']);
    again.a.lab.store.reset(again.a.lab.scenario);
    const untouched = faulty(again.a.lab.host());
    expect(await undoInterrupted(again.found, untouched, recovery())).toMatchObject({ status: 'rolled-back', stepsDone: 0 });
    expect(untouched.asked).toEqual([]);
    expectSameState(await observe(again.a.lab), again.a.start);
  });

  it('the host changed meanwhile so the plan cannot be placed: finish undoes what is in effect instead, and says why', async () => {
    const { a, found } = await crash(c, [3, 'dies-after']);
    // Someone gave the audio function an override by hand.
    await a.lab.host().perform({ kind: 'set-override', device: 'pci/0000:05:00.1', driver: 'pci-stub' });
    const outcome = await finishInterrupted(found, a.lab.host(), recovery());
    expect(outcome.status).toBe('rollback-failed');
    expect(outcome.error?.detail).toContain('The host is not where the plan stopped (after step 4): 0000:05:00.1 has driver_override pci-stub, expected none; it cannot be finished.');
    expect(outcome.error?.remedy).toBe('As root, run: echo > /sys/bus/pci/devices/0000:05:00.1/driver_override; echo 0000:05:00.1 > /sys/bus/pci/drivers/snd_hda_intel/bind. '
      + 'Rebooting also brings back the drivers the machine starts with.');
    expect(outcome.devices.find((d) => d.device === 'pci/0000:05:00.0')?.after).toEqual({ driver: 'amdgpu', override: null });
    await expectEnded(a, 'rollback-failed');
  });

  it('cancelled authentication while recovering changes nothing, and the plan stays interrupted', async () => {
    const { a, found } = await crash(c, [3, 'dies-after']);
    const before = await observe(a.lab);
    for (const recover of [finishInterrupted, undoInterrupted]) {
      const outcome = await recover(found, faulty(a.lab.host(), [0, 'cancel']), recovery());
      expect(outcome).toMatchObject({ status: 'cancelled', error: null });
      expectSameState(await observe(a.lab), before);
      expect(findInterrupted(new Journal(), a.plan.hostId)?.plan).toEqual(found.plan);
    }
    expect(new HistoryStore().list(a.plan.hostId)).toEqual([]);
  });

  it('finds nothing while the plan is still being applied, and refuses to recover a plan that is not waiting', async () => {
    const a = await arrange(c);
    let seen: InterruptedPlan | null | undefined;
    await applyPlan(a.plan, a.lab.host(), {
      ...a.options,
      onProgress: (p) => { if (p.step === 2 && p.phase === 'applying') seen = findInterrupted(new Journal(), a.plan.hostId); },
    });
    expect(seen).toBeNull();
    const stale: InterruptedPlan = { plan: a.plan, stepsDone: 2, startedAt: a.plan.createdAt };
    expect(await finishInterrupted(stale, a.lab.host(), recovery())).toMatchObject({ status: 'refused', error: { title: 'Nothing to recover' } });
  });
});
