// How a change can end besides "done", on the simulated workstation: the
// host changed after the review (a real refusal), a plan the engine no longer
// knows (its real error), a plan interrupted by a crash (found at start,
// finished from the banner), and the outcomes the simulator never produces by
// itself (a failed step rolled back, a rollback that failed, a cancelled
// password prompt), answered in the engine's place by the bridge tap.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplyProgress, Outcome, Plan } from '../../src-shared/plan';
import { BridgeTap } from './bridge-tap';
import { REPO, openBindery, saveScreenshot } from './harness.mjs';
import { simulatedWindow } from './simulated-window';
import { changeDialog, details, deviceItem, deviceRow, steps } from './ui';

const GPU = 'pci/0000:05:00.0';

const sim = simulatedWindow('workstation', { tap: true, beforeOpen: () => sim.cli('sim', 'reset', 'workstation') });
let page: Page;
let tap: BridgeTap;
beforeEach(() => {
  ({ page, tap } = sim);
});

/** Another Bindery applying a plan and dying after `after` steps: its journal stays behind. */
function crashMidPlan(after: number): void {
  try {
    execFileSync(process.execPath, [path.join(REPO, 'scripts', 'run-ts.mjs'), path.join('test', 'e2e', 'support', 'crash-mid-plan.ts')], {
      cwd: REPO,
      stdio: 'pipe',
      env: {
        ...process.env,
        XDG_STATE_HOME: sim.state,
        CRASH_SCENARIO: 'workstation',
        CRASH_GOAL: JSON.stringify({ kind: 'assign-vfio', devices: [GPU] }),
        CRASH_AFTER: String(after),
      },
    });
  } catch {
    // It is meant to die.
  }
}

async function reviewAssignGpu(p: Page = page): Promise<Locator> {
  await deviceItem(p, '0000:05:00.0').click();
  await details(p).getByRole('button', { name: 'Assign to VFIO' }).click();
  const dialog = changeDialog(p, /^Assign 0000:05:00\.0 /);
  await dialog.getByRole('button', { name: 'Apply', exact: true }).waitFor();
  return dialog;
}

/** Steps 0..failed-1 applied and verified, step `failed` started. */
function forwardTo(plan: Plan, failed: number): ApplyProgress[] {
  const total = plan.steps.length;
  return plan.steps.slice(0, failed + 1).flatMap(({ index: step }): ApplyProgress[] => [
    { planId: plan.id, step, total, phase: 'applying' },
    ...(step < failed ? [{ planId: plan.id, step, total, phase: 'verifying' } as const] : []),
  ]);
}

function rollingBack(plan: Plan, from: number): ApplyProgress[] {
  return Array.from({ length: from + 1 }, (_, i): ApplyProgress => ({ planId: plan.id, step: from - i, total: plan.steps.length, phase: 'rolling-back' }));
}

function outcomeOf(plan: Plan, fields: Partial<Outcome>): Outcome {
  const now = new Date().toISOString();
  return {
    planId: plan.id, status: 'done', stepsDone: 0, failedStep: null, error: null,
    devices: plan.devices.filter((d) => d.role !== 'stays').map((d) => ({ device: d.device, before: d.before, after: d.before })),
    startedAt: now, finishedAt: now, ...fields,
  };
}

describe('outcomes the engine reports', () => {
  it('refuses a plan the host no longer matches, and offers a new one that does', async () => {
    const dialog = await reviewAssignGpu();
    sim.simRun(['write /sys/bus/pci/drivers/snd_hda_intel/unbind 0000:05:00.1']);
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    const outcome = dialog.getByRole('alert').filter({ hasText: 'Refused: nothing changed.' });
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain('The host changed since this plan was made');
    expect(await outcome.innerText()).toContain('0000:05:00.1 is now unbound');
    await dialog.getByRole('button', { name: 'Make a new plan' }).click();
    await dialog.getByRole('button', { name: 'Apply', exact: true }).waitFor();
    expect(await deviceRow(dialog, '0000:05:00.1').innerText()).toMatch(/no driver[\s\S]*vfio-pci/);
  });

  it('shows the engine\'s error, not an exception, when it no longer knows the plan', async () => {
    const dialog = await reviewAssignGpu();
    tap.redirectRun(randomUUID());
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    const error = dialog.getByRole('alert');
    await error.waitFor();
    const text = await error.innerText();
    for (const words of ['No such plan', 'was not made in this session', 'Make the plan again and review it.']) expect(text).toContain(words);
    await dialog.getByRole('button', { name: 'Make a new plan' }).click();
    await dialog.getByRole('button', { name: 'Apply', exact: true }).waitFor();
  });

  it('finds a plan interrupted by a crash, says how far it got, and finishes it', async () => {
    crashMidPlan(3);
    const fresh = await openBindery(sim.browser, sim.url);
    const banner = fresh.page.getByRole('alert').filter({ hasText: 'A change stopped half-way' });
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/“Assign 0000:05:00\.0 .*”, started .*, stopped after step 2 of 6/);
    await saveScreenshot(fresh.page, 'change-interrupted-light');
    await banner.getByRole('button', { name: 'Finish it' }).click();
    const dialog = changeDialog(fresh.page, /^Assign 0000:05:00\.0 /);
    await dialog.getByRole('status').filter({ hasText: 'Done: every step applied and verified.' }).waitFor();
    expect(await dialog.innerText()).toContain('Finishing an interrupted change');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await deviceItem(fresh.page, '0000:05:00.0').innerText()).toContain('vfio-pci');
    expect(await deviceItem(fresh.page, '0000:05:00.1').innerText()).toContain('vfio-pci');
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
  });
});

describe('outcomes the simulator does not produce, answered in the engine\'s place', () => {
  it('a failed step: rolling back shows apart, then the reason and that everything is back', async () => {
    const dialog = await reviewAssignGpu();
    const reason = 'Step 4 (Unbind 0000:05:00.1 from snd_hda_intel) failed: write "0000:05:00.1" to /sys/bus/pci/drivers/snd_hda_intel/unbind: EBUSY';
    tap.fakeRun((plan) => {
      const forward = forwardTo(plan, 3);
      return {
        progress: [...forward, ...rollingBack(plan, 2), { planId: plan.id, step: 3, total: 6, phase: 'finished' }],
        holdAfter: forward.length + 2,
        outcome: outcomeOf(plan, {
          status: 'rolled-back', stepsDone: 3, failedStep: 3,
          error: { code: 'STEP_FAILED', title: 'The change failed and was undone', detail: `${reason}.`, remedy: `Every device of “${plan.summary}” is as it was before. Fix the cause, then make a new plan.` },
        }),
      };
    });
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Rolling back: undoing step 2 of 6' }).waitFor();
    expect(await dialog.getByRole('progressbar', { name: 'Rolling back' }).count()).toBe(1);
    expect((await steps(dialog).allInnerTexts()).map((s) => s.split(/\s+/).at(-1))).toEqual(['done', 'undoing', 'undone', 'failed', 'run', 'run']);
    await saveScreenshot(page, 'change-rolling-back-light');
    tap.resume();
    const outcome = dialog.getByRole('alert');
    await outcome.filter({ hasText: 'Step 4 failed, so Bindery put everything back.' }).waitFor();
    const text = await outcome.innerText();
    for (const words of ['Every device is as it was before; nothing changed.', 'EBUSY', 'Fix the cause, then make a new plan.']) expect(text).toContain(words);
    expect((await steps(dialog).allInnerTexts()).map((s) => s.split(/\s+/).at(-1))).toEqual(['undone', 'undone', 'undone', 'failed', 'run', 'run']);
    await saveScreenshot(page, 'change-rolled-back-light');
  });

  it('a rollback that failed: loud, with what is not back and the engine\'s remedy', async () => {
    const dialog = await reviewAssignGpu();
    const remedy = 'As root, run: echo 0000:05:00.0 > /sys/bus/pci/drivers/vfio-pci/unbind; echo > /sys/bus/pci/devices/0000:05:00.0/driver_override; echo 0000:05:00.0 > /sys/bus/pci/drivers/amdgpu/bind. Rebooting also brings back the drivers the machine starts with.';
    tap.fakeRun((plan) => {
      const outcome = outcomeOf(plan, {
        status: 'rollback-failed', stepsDone: 3, failedStep: 3,
        error: {
          code: 'ROLLBACK_FAILED', title: 'Not every device could be put back',
          detail: 'Step 4 (Unbind 0000:05:00.1 from snd_hda_intel) failed: EBUSY. Undoing step 3 (Probe 0000:05:00.0, so that vfio-pci takes it) failed: EIO. Now 0000:05:00.0 is bound to vfio-pci, expected amdgpu.',
          remedy,
        },
      });
      const devices = outcome.devices.map((d) => (d.device === GPU ? { ...d, after: { driver: 'vfio-pci', override: 'vfio-pci' } } : d));
      return { progress: [...forwardTo(plan, 3), ...rollingBack(plan, 2)], outcome: { ...outcome, devices } };
    });
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    const outcome = dialog.getByRole('alert').filter({ hasText: 'A step failed, and putting things back did not work.' });
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain(remedy);
    const gpu = await deviceRow(dialog, '0000:05:00.0').innerText();
    expect(gpu).toContain('Not back: it should be on amdgpu.');
    expect(await deviceRow(dialog, '0000:05:00.1').innerText()).not.toContain('Not back');
    await saveScreenshot(page, 'change-rollback-failed-light');
  });

  it('a cancelled password prompt: said calmly, as nothing changed, with a way to try again', async () => {
    const dialog = await reviewAssignGpu();
    tap.fakeRun((plan) => ({ progress: [], outcome: outcomeOf(plan, { status: 'cancelled' }) }));
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Authentication was cancelled; nothing changed.' }).waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.getByRole('table').count()).toBe(0);
    await saveScreenshot(page, 'change-cancelled-light');
    await dialog.getByRole('button', { name: 'Make a new plan' }).click();
    await dialog.getByRole('button', { name: 'Apply', exact: true }).waitFor();
  });
});

describe('the look, in both themes', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`${colorScheme}: review, progress, outcome, and History's undo`, async () => {
      const view = new BridgeTap();
      const { page: p, errors: e } = await openBindery(sim.browser, sim.url, { colorScheme, prepare: (q) => view.attach(q) });
      const dialog = await reviewAssignGpu(p);
      await saveScreenshot(p, `look-review-${colorScheme}`);
      view.pauseRun(5);
      await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
      await dialog.getByRole('status').filter({ hasText: 'Step 3 of 6' }).waitFor();
      await saveScreenshot(p, `look-progress-${colorScheme}`);
      view.resume();
      await dialog.getByRole('button', { name: 'Close' }).waitFor();
      await saveScreenshot(p, `look-outcome-${colorScheme}`);
      await dialog.getByRole('button', { name: 'Close' }).click();

      await p.getByRole('tab', { name: /^History/ }).click();
      await p.getByRole('button', { name: 'Undo last change' }).click();
      const undo = changeDialog(p, /^Undo "Assign 0000:05:00\.0 /);
      await undo.getByRole('button', { name: 'Apply', exact: true }).click();
      await undo.getByRole('button', { name: 'Close' }).click();
      await p.getByRole('list', { name: 'Applied changes' }).getByText('undone', { exact: true }).first().waitFor();
      await saveScreenshot(p, `look-history-${colorScheme}`);

      await p.getByRole('tab', { name: /^Devices/ }).click();
      await deviceItem(p, '0000:02:00.0').click();
      await details(p).getByRole('button', { name: 'Assign to VFIO' }).click();
      await changeDialog(p, /^Assign 0000:02:00\.0 /).getByRole('region', { name: /^Refused/ }).waitFor();
      await saveScreenshot(p, `look-refused-${colorScheme}`);
      expect(e).toEqual([]);
      await p.close();
    });
  }
});
