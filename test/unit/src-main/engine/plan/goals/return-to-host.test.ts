// return-to-host: back from VFIO to the remembered driver, else the best
// installed host driver, with the rest of the group; refused while a VM
// holds the group, or when nothing on the host can drive the device.
import { describe, expect, it } from 'vitest';
import type { DeviceId } from '../../../../../../src-shared/model';
import type { Plan } from '../../../../../../src-shared/plan';
import type { TestHost } from '../support/sim';
import { applyPlan, bindings, codes, expectAfter, planOn, rollBack, simHost } from '../support/sim';

/** What history would remember of an applied assign plan: each moved device's driver before it. */
function remembered(plan: Plan): Map<DeviceId, string> {
  return new Map(plan.devices.flatMap((d) => (d.before.driver !== null && d.before.driver !== d.after.driver ? [[d.device, d.before.driver]] : [])));
}

async function assigned(target: TestHost, devices: string[]): Promise<Plan> {
  const plan = await planOn(target, { kind: 'assign-vfio', devices });
  await applyPlan(target.host, plan);
  return plan;
}

describe('return-to-host', () => {
  it('gives the workstation’s second GPU and its audio back to the drivers they had, exactly as before', async () => {
    const target = simHost('workstation');
    const start = await bindings(target.host);
    const assign = await assigned(target, ['pci/0000:05:00.0']);
    const plan = await planOn(target, { kind: 'return-to-host', devices: ['pci/0000:05:00.0'] }, { remembered: remembered(assign) });
    expect(plan.summary).toBe('Return 0000:05:00.0 (Radeon RX 6800/6800 XT / 6900 XT) and its audio function to the host');
    expect(plan.devices.map((d) => [d.device, d.role, d.before, d.after])).toEqual([
      ['pci/0000:05:00.0', 'target', { driver: 'vfio-pci', override: 'vfio-pci' }, { driver: 'amdgpu', override: null }],
      ['pci/0000:05:00.1', 'slot-companion', { driver: 'vfio-pci', override: 'vfio-pci' }, { driver: 'snd_hda_intel', override: null }],
    ]);
    expect(plan.devices[0]?.reason).toBe('Back to amdgpu, the driver it had before Bindery gave it to VFIO.');
    const gpu = 'pci/0000:05:00.0';
    expect(plan.steps.slice(0, 3).map((s) => [s.operation, s.preconditions, s.expect, s.inverse])).toEqual([
      [{ kind: 'unbind', device: gpu, driver: 'vfio-pci' }, [{ kind: 'driver', device: gpu, driver: 'vfio-pci' }],
        [{ kind: 'driver', device: gpu, driver: null }], { kind: 'bind', device: gpu, driver: 'vfio-pci' }],
      [{ kind: 'set-override', device: gpu, driver: null }, [{ kind: 'override', device: gpu, driver: 'vfio-pci' }],
        [{ kind: 'override', device: gpu, driver: null }], { kind: 'set-override', device: gpu, driver: 'vfio-pci' }],
      [{ kind: 'bind', device: gpu, driver: 'amdgpu' },
        [{ kind: 'driver', device: gpu, driver: null }, { kind: 'override', device: gpu, driver: null }],
        [{ kind: 'driver', device: gpu, driver: 'amdgpu' }], { kind: 'unbind', device: gpu, driver: 'amdgpu' }],
    ]);
    expect(plan.steps[3]?.description).toBe('Unbind 0000:05:00.1 from vfio-pci');
    expect(plan.findings).toEqual([]);
    const onVfio = await bindings(target.host);
    await applyPlan(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(onVfio);
  });

  it('without history, picks the best host driver for each device', async () => {
    const target = simHost('workstation');
    await assigned(target, ['pci/0000:05:00.0']);
    const plan = await planOn(target, { kind: 'return-to-host', devices: ['pci/0000:05:00.1'] });
    expect(plan.devices.map((d) => [d.device, d.after.driver])).toEqual([['pci/0000:05:00.0', 'amdgpu'], ['pci/0000:05:00.1', 'snd_hda_intel']]);
    expect(plan.devices[1]?.reason).toMatch(/^Back to snd_hda_intel, the best host driver for it: Matches/);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
  });

  it('refuses the VF a VM holds open (vfio-in-use), then returns it to mlx5_core once the VM let go', async () => {
    const target = simHost('sriov-server');
    const held = await planOn(target, { kind: 'return-to-host', devices: ['pci/0000:3b:00.5'] });
    expect(codes(held)).toEqual(['refuse:vfio-in-use']);
    expect(held.findings[0]).toMatchObject({ forceable: false, devices: ['pci/0000:3b:00.5'] });
    expect(held.findings[0]?.detail).toBe('A VM holds IOMMU group 41 open (/dev/vfio/41). Unbinding 0000:3b:00.5 from mlx5_vfio_pci would block until the VM lets go of it.');
    expect(target.host.change((machine) => machine.vfioGroupClose(41))).toEqual({ ok: true });
    const plan = await planOn(target, { kind: 'return-to-host', devices: ['pci/0000:3b:00.5'] });
    expect(plan.findings.filter((f) => f.severity === 'refuse')).toEqual([]);
    expect(plan.devices[0]).toMatchObject({ before: { driver: 'mlx5_vfio_pci', override: 'mlx5_vfio_pci' }, after: { driver: 'mlx5_core', override: null } });
    const before = await bindings(target.host);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(before);
  });

  it('refuses (forceably) a device no installed host driver can take, and forced leaves it without a driver', async () => {
    const target = simHost('qemu-q35');
    const start = await bindings(target.host);
    await assigned(target, ['pci/0000:00:08.0']);
    const plan = await planOn(target, { kind: 'return-to-host', devices: ['pci/0000:00:08.0'] });
    expect(codes(plan)).toEqual(['refuse:no-host-driver', 'refuse:no-host-driver']);
    expect(plan.findings.every((f) => f.forceable)).toBe(true);
    expect(plan.findings[0]?.detail).toContain('not installed here (bochs)');
    expect(plan.findings[1]?.detail).toContain('not installed here (snd_hda_intel');
    expect(plan.devices.map((d) => d.after)).toEqual([{ driver: null, override: null }, { driver: null, override: null }]);
    await applyPlan(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('returns the e1000 group behind the bridge; the bridge stays', async () => {
    const target = simHost('qemu-q35');
    const start = await bindings(target.host);
    const assign = await assigned(target, ['pci/0000:01:02.0']);
    const plan = await planOn(target, { kind: 'return-to-host', devices: ['pci/0000:01:02.0'] }, { remembered: remembered(assign) });
    expect(plan.devices.map((d) => [d.device, d.role, d.after.driver])).toEqual([
      ['pci/0000:00:09.0', 'stays', null], ['pci/0000:01:01.0', 'group-member', 'e1000'], ['pci/0000:01:02.0', 'target', 'e1000'],
    ]);
    await applyPlan(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('has nothing to do for a device that is not on VFIO', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'return-to-host', devices: ['pci/0000:05:00.0'] });
    expect(plan.steps).toEqual([]);
    expect(codes(plan)).toEqual(['info:nothing-to-do']);
    expect(plan.devices).toMatchObject([{ device: 'pci/0000:05:00.0', role: 'target', reason: 'Not on VFIO (amdgpu): it stays as it is.' }]);
  });

  it('refuses, with the reason, a group member no installed driver can take', async () => {
    const target = simHost('sriov-server');
    // Thermal 00:14.2 has no driver: intel_pch_thermal is not installed on this server.
    await assigned(target, ['pci/0000:00:14.0']);
    const plan = await planOn(target, { kind: 'return-to-host', devices: ['pci/0000:00:14.0'] }, { remembered: new Map([['pci/0000:00:14.0', 'xhci_hcd']]) });
    expect(plan.devices.map((d) => [d.device, d.after.driver])).toEqual([['pci/0000:00:14.0', 'xhci_hcd'], ['pci/0000:00:14.2', null]]);
    expect(codes(plan)).toEqual(['refuse:no-host-driver']);
    expect(plan.findings[0]?.detail).toContain('intel_pch_thermal');
  });

  it('loads the host driver’s module first when it is not loaded, and warns about the other devices it takes', async () => {
    const target = simHost('sriov-server');
    // Two VFs of the second I350 port; igbvf is installed but not loaded, so they stay without a driver.
    expect(target.host.change((machine) => machine.write('/sys/bus/pci/devices/0000:03:00.1/sriov_numvfs', '2\n'))).toEqual({ ok: true });
    const vf = 'pci/0000:03:10.1';
    const start = await bindings(target.host);
    expect([start[vf], start['pci/0000:03:10.5']]).toEqual([{ driver: null, override: null }, { driver: null, override: null }]);
    await assigned(target, [vf]);
    const plan = await planOn(target, { kind: 'return-to-host', devices: [vf] });
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Load module igbvf', 'Unbind 0000:03:10.1 from vfio-pci', 'Clear the driver override of 0000:03:10.1 (vfio-pci)', 'Bind 0000:03:10.1 to igbvf',
    ]);
    expect(plan.steps[3]?.preconditions).toContainEqual({ kind: 'module-loaded', module: 'igbvf' });
    expect(codes(plan)).toEqual(['warning:module-binds-others']);
    expect(plan.findings[0]?.detail).toContain('pci/0000:03:10.5');
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    expect((await bindings(target.host))['pci/0000:03:10.5']?.driver).toBe('igbvf');
  });
});
