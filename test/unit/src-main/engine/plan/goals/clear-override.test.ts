// clear-override DEVICE: clear driver_override, as driverctl's unset-override
// does: a device sitting on a driver only the override gave it goes back to
// its host driver; one whose driver takes it by itself stays.
import { describe, expect, it } from 'vitest';
import { applyPlan, bindings, codes, expectAfter, planOn, rollBack, simHost } from '../support/sim';

const NIC = 'pci/0000:01:01.0';

describe('clear-override', () => {
  it('gives a device that is on vfio-pci by override back to its host driver', async () => {
    const target = simHost('qemu-q35');
    const start = await bindings(target.host);
    await applyPlan(target.host, await planOn(target, { kind: 'set-override', device: NIC, driver: 'vfio-pci' }));
    const onVfio = await bindings(target.host);
    const plan = await planOn(target, { kind: 'clear-override', device: NIC });
    expect(plan.summary).toBe('Clear the driver override of 0000:01:01.0 (82540EM Gigabit Ethernet Controller) and bind it to e1000');
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Unbind 0000:01:01.0 from vfio-pci', 'Clear the driver override of 0000:01:01.0 (vfio-pci)', 'Bind 0000:01:01.0 to e1000',
    ]);
    await applyPlan(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(onVfio);
  });

  it('only clears the override of a device on a driver that takes it by itself', async () => {
    const target = simHost('qemu-q35');
    expect(await target.host.perform({ kind: 'set-override', device: NIC, driver: 'e1000' })).toEqual({ ok: true });
    const plan = await planOn(target, { kind: 'clear-override', device: NIC });
    expect(plan.steps.map((s) => s.description)).toEqual(['Clear the driver override of 0000:01:01.0 (e1000)']);
    expect(plan.devices[0]).toMatchObject({ before: { driver: 'e1000', override: 'e1000' }, after: { driver: 'e1000', override: null } });
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
  });

  it('has nothing to do without an override', async () => {
    const plan = await planOn(simHost('qemu-q35'), { kind: 'clear-override', device: NIC });
    expect(plan.steps).toEqual([]);
    expect(codes(plan)).toEqual(['info:nothing-to-do']);
  });

  it('is refused for the VF a VM holds, like any unbind from VFIO', async () => {
    const plan = await planOn(simHost('sriov-server'), { kind: 'clear-override', device: 'pci/0000:3b:00.5' });
    expect(plan.devices[0]?.after).toEqual({ driver: 'mlx5_core', override: null });
    expect(codes(plan)).toEqual(['refuse:vfio-in-use']);
  });
});
