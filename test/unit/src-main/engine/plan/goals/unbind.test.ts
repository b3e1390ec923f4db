// unbind DEVICE: one step, refused where the host would lose something vital.
import { describe, expect, it } from 'vitest';
import { applyPlan, bindings, codes, expectAfter, planOn, rollBack, simHost } from '../support/sim';

describe('unbind', () => {
  it('takes a device from its driver, and its inverse binds it back', async () => {
    const target = simHost('qemu-q35');
    const start = await bindings(target.host);
    const plan = await planOn(target, { kind: 'unbind', device: 'pci/0000:01:02.0' });
    expect(plan.summary).toBe('Unbind 0000:01:02.0 (82540EM Gigabit Ethernet Controller) from e1000');
    expect(plan.steps.map((s) => [s.description, s.inverse])).toEqual([
      ['Unbind 0000:01:02.0 from e1000', { kind: 'bind', device: 'pci/0000:01:02.0', driver: 'e1000' }],
    ]);
    expect(plan.devices).toMatchObject([{ role: 'target', before: { driver: 'e1000', override: null }, after: { driver: null, override: null } }]);
    expect(plan.findings).toEqual([]);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('refuses the NIC of the default route, the boot disk and the display, and has nothing to do for an unbound device', async () => {
    const target = simHost('workstation');
    expect(codes(await planOn(target, { kind: 'unbind', device: 'pci/0000:06:00.0' }))).toEqual(['refuse:default-route']);
    expect(codes(await planOn(target, { kind: 'unbind', device: 'pci/0000:02:00.0' }))).toEqual(['refuse:boot-disk']);
    expect(codes(await planOn(target, { kind: 'unbind', device: 'pci/0000:01:00.0' }))).toEqual(['refuse:active-display']);
    expect(codes(await planOn(target, { kind: 'unbind', device: 'pci/0000:00:14.2' }))).toEqual(['info:nothing-to-do']);
  });

  it('refuses to unbind a VF from VFIO while a VM holds it, and warns what a PF takes down with it', async () => {
    const target = simHost('sriov-server');
    expect(codes(await planOn(target, { kind: 'unbind', device: 'pci/0000:3b:00.5' }))).toEqual(['refuse:vfio-in-use']);
    const pf = await planOn(target, { kind: 'unbind', device: 'pci/0000:3b:00.1' });
    expect(codes(pf)).toEqual(['warning:child-devices']);
    const dpu = await planOn(simHost('dpu'), { kind: 'unbind', device: 'pci/0000:43:00.0' });
    expect(codes(dpu)).toEqual(['warning:child-devices']);
    expect(dpu.findings[0]?.detail).toMatch(/auxiliary\/mlx5_core\.sf\.2.* and 5 more/);
  });

  it('warns that a PF driver letting go destroys its VFs', async () => {
    const target = simHost('sriov-server');
    expect(await target.host.change((machine) => machine.vfioGroupClose(41))).toEqual({ ok: true });
    const plan = await planOn(target, { kind: 'unbind', device: 'pci/0000:3b:00.0' });
    expect(codes(plan)).toEqual(['warning:child-devices']);
    expect(plan.findings[0]?.detail).toContain('its 4 VFs (0000:3b:00.2, 0000:3b:00.3, 0000:3b:00.4 and 0000:3b:00.5)');
  });
});
