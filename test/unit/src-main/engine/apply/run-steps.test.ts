// Fault injection: for every plan of every goal on every scenario and every
// step, that step fails (the kernel refuses the write, or accepts it and
// nothing happens); what was done is undone and the machine is exactly as it
// was. When undoing fails too, the outcome says which device is in which
// state and what to write by hand, and writing that does bring it back.
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../../../../src-main/engine/apply/apply-plan';
import type { SimHost } from '../../../../../src-main/engine/host/sim-host';
import { CASES, arrange, caseName, expectSameState, observe } from './support/cases';
import { faulty } from './support/faulty-host';
import { failAt } from './support/fail-at';
import { cleanLabs } from './support/lab';

afterEach(cleanLabs);

describe('a failing step is rolled back to exactly the state before', () => {
  for (const c of CASES.filter((x) => x.scenario !== 'fleet')) {
    for (const fault of ['errno', 'no-effect'] as const) {
      it(`${caseName(c)}: every step, ${fault === 'errno' ? 'refused' : 'without effect'}`, async () => {
        const { plan } = await arrange(c);
        expect(plan.steps.length).toBeGreaterThan(0);
        for (const step of plan.steps) await failAt(c, step.index, fault);
      });
    }
  }

  // The fleet's one plan is in apply-plan.test.ts, which has its machine ready.
});

describe('when undoing fails too', () => {
  const c = CASES.find((x) => x.scenario === 'workstation' && x.name === 'assign-vfio');
  if (c === undefined) throw new Error('no workstation case');

  it('says which device is in which state, and the writes that put it back', async () => {
    const a = await arrange(c);
    // Step 4 (unbinding the audio function) fails, and so does every undo after it.
    const host = faulty(a.lab.host(), [3, 'errno-from']);
    const outcome = await applyPlan(a.plan, host, a.options);
    expect(outcome).toMatchObject({ status: 'rollback-failed', stepsDone: 3, failedStep: 3, error: { code: 'ROLLBACK_FAILED' } });
    const error = outcome.error;
    expect(error?.detail).toContain('Step 4 (Unbind 0000:05:00.1 from snd_hda_intel) failed: injected failure: EIO.');
    expect(error?.detail).toContain('Undoing step 3 (Probe 0000:05:00.0, so that vfio-pci takes it) failed: injected failure: EIO.');
    expect(error?.detail).toContain('Now 0000:05:00.0 is bound to vfio-pci with driver_override vfio-pci; it was bound to amdgpu with no driver_override.');
    expect(error?.remedy).toBe('As root, run: echo 0000:05:00.0 > /sys/bus/pci/drivers/vfio-pci/unbind; echo > /sys/bus/pci/devices/0000:05:00.0/driver_override; '
      + 'echo 0000:05:00.0 > /sys/bus/pci/drivers/amdgpu/bind. Rebooting also brings back the drivers the machine starts with.');
    expect(outcome.devices.find((d) => d.device === 'pci/0000:05:00.0')).toEqual({
      device: 'pci/0000:05:00.0', before: { driver: 'amdgpu', override: null }, after: { driver: 'vfio-pci', override: 'vfio-pci' },
    });
    expect(a.lab.history.last(a.plan.hostId)?.outcome.status).toBe('rollback-failed');
    expect(a.lab.journal.read(a.plan.hostId)).toBeNull();

    // Doing what the remedy says brings the machine back.
    const by: SimHost = a.lab.host();
    for (const command of (error?.remedy ?? '').replace(/^As root, run: /, '').replace(/\. Rebooting.*$/, '').split('; ')) {
      const [, data = '', file = ''] = /^echo ?(.*) > (\S+)$/.exec(command) ?? [];
      expect(by.change((machine) => machine.write(file, `${data}\n`))).toEqual({ ok: true });
    }
    expectSameState(await observe(a.lab), a.start);
  });

  it('carries on past a failed undo, so every other device still goes back', async () => {
    const a = await arrange(c);
    // Step 6 fails; undoing step 5 fails once; the undos of steps 4..1 still run.
    const host = faulty(a.lab.host(), [5, 'errno'], [6, 'errno']);
    const outcome = await applyPlan(a.plan, host, a.options);
    expect(outcome.status).toBe('rollback-failed');
    const now = new Map(outcome.devices.map((d) => [d.device, d.after]));
    expect(now.get('pci/0000:05:00.0')).toEqual({ driver: 'amdgpu', override: null });
    expect(now.get('pci/0000:05:00.1')).toEqual({ driver: null, override: 'vfio-pci' });
    expect(outcome.error?.remedy).toBe('As root, run: echo > /sys/bus/pci/devices/0000:05:00.1/driver_override; echo 0000:05:00.1 > /sys/bus/pci/drivers/snd_hda_intel/bind. '
      + 'Rebooting also brings back the drivers the machine starts with.');
  });
});
