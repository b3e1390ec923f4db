// undo PLAN: every device the plan changed back as it was, last changed
// first, devices already back left alone.
import { describe, expect, it } from 'vitest';
import type { DeviceOutcome } from '../../../../../../src-shared/plan';
import { applyPlan, bindings, codes, expectAfter, outcomesOf, planOn, rollBack, simHost } from '../support/sim';

describe('undo', () => {
  it('undoes the workstation’s GPU assignment to the identical state, last device first', async () => {
    const target = simHost('workstation');
    const start = await bindings(target.host);
    const assign = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] });
    await applyPlan(target.host, assign);
    const assigned = await bindings(target.host);
    const plan = await planOn(target, { kind: 'undo', planId: assign.id }, { undoOf: { plan: assign, before: outcomesOf(assign) } });
    expect(plan.summary).toBe(`Undo "${assign.summary}"`);
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Unbind 0000:05:00.1 from vfio-pci', 'Clear the driver override of 0000:05:00.1 (vfio-pci)', 'Bind 0000:05:00.1 to snd_hda_intel',
      'Unbind 0000:05:00.0 from vfio-pci', 'Clear the driver override of 0000:05:00.0 (vfio-pci)', 'Bind 0000:05:00.0 to amdgpu',
    ]);
    expect(plan.devices.map((d) => [d.device, d.after])).toEqual([
      ['pci/0000:05:00.1', { driver: 'snd_hda_intel', override: null }], ['pci/0000:05:00.0', { driver: 'amdgpu', override: null }],
    ]);
    expect(plan.findings).toEqual([]);
    await applyPlan(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(assigned);
  });

  it('skips devices already back, and puts back an override and a probe-bound driver', async () => {
    const target = simHost('qemu-q35');
    const start = await bindings(target.host);
    const set = await planOn(target, { kind: 'set-override', device: 'pci/0000:01:01.0', driver: 'vfio-pci' });
    await applyPlan(target.host, set);
    const overridden = await bindings(target.host);
    const clear = await planOn(target, { kind: 'clear-override', device: 'pci/0000:01:01.0' });
    await applyPlan(target.host, clear);
    expect(await bindings(target.host)).toEqual(start);
    const undoClear = await planOn(target, { kind: 'undo', planId: clear.id }, { undoOf: { plan: clear, before: outcomesOf(clear) } });
    expect(undoClear.steps.map((s) => s.description)).toEqual([
      'Unbind 0000:01:01.0 from e1000', 'Set the driver override of 0000:01:01.0 to vfio-pci', 'Probe 0000:01:01.0, so that vfio-pci takes it',
    ]);
    await applyPlan(target.host, undoClear);
    expect(await bindings(target.host)).toEqual(overridden);
    const again = await planOn(target, { kind: 'undo', planId: clear.id }, { undoOf: { plan: clear, before: outcomesOf(clear) } });
    expect(again.steps).toEqual([]);
    expect(again.devices[0]?.reason).toBe('Already as it was before the plan.');
    expect(codes(again)).toEqual(['info:nothing-to-do']);
  });

  it('loads a module the host no longer has loaded', async () => {
    const target = simHost('sriov-server');
    expect(target.host.change((machine) => machine.write('/sys/bus/pci/devices/0000:03:00.1/sriov_numvfs', '1\n'))).toEqual({ ok: true });
    const vf = 'pci/0000:03:10.1';
    // As if a plan had taken the VF from igbvf, and igbvf was unloaded since.
    const before: DeviceOutcome[] = [{ device: vf, before: { driver: 'igbvf', override: null }, after: { driver: null, override: null } }];
    const unbind = await planOn(target, { kind: 'unbind', device: vf });
    const plan = await planOn(target, { kind: 'undo', planId: unbind.id }, { undoOf: { plan: unbind, before } });
    expect(plan.steps.map((s) => s.description)).toEqual(['Load module igbvf; igbvf takes 0000:03:10.1 as it registers']);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
  });

  it('refuses, forceably, to undo a device that is gone, and throws for a plan it has no record of', async () => {
    const target = simHost('qemu-q35');
    const unbind = await planOn(target, { kind: 'unbind', device: 'pci/0000:01:02.0' });
    const gone: DeviceOutcome = { device: 'pci/0000:00:06.1', before: { driver: 'igbvf', override: null }, after: { driver: null, override: null } };
    const plan = await planOn(target, { kind: 'undo', planId: unbind.id }, { undoOf: { plan: unbind, before: [...outcomesOf(unbind), gone] } });
    expect(codes(plan)).toEqual(['refuse:device-missing']);
    expect(plan.findings[0]).toMatchObject({ forceable: true, devices: ['pci/0000:00:06.1'] });
    await expect(planOn(target, { kind: 'undo', planId: 'nope' }, { undoOf: { plan: unbind, before: outcomesOf(unbind) } }))
      .rejects.toMatchObject({ error: { code: 'BAD_INPUT', title: 'Nothing to undo' } });
    await expect(planOn(target, { kind: 'undo', planId: unbind.id })).rejects.toMatchObject({ error: { code: 'BAD_INPUT' } });
  });
});
