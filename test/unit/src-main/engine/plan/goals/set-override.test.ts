// set-override DEVICE DRIVER: driver_override plus a probe, as driverctl does;
// on PCI the override makes the named driver take the device.
import { describe, expect, it } from 'vitest';
import { applyPlan, bindings, codes, expectAfter, planOn, rollBack, simHost } from '../support/sim';

describe('set-override', () => {
  it('moves a bound device to the named driver, warning that its group is only half on VFIO', async () => {
    const target = simHost('qemu-q35');
    const start = await bindings(target.host);
    const plan = await planOn(target, { kind: 'set-override', device: 'pci/0000:01:01.0', driver: 'vfio-pci' });
    expect(plan.summary).toBe('Set the driver override of 0000:01:01.0 (82540EM Gigabit Ethernet Controller) to vfio-pci and bind it');
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Unbind 0000:01:01.0 from e1000', 'Set the driver override of 0000:01:01.0 to vfio-pci', 'Probe 0000:01:01.0, so that vfio-pci takes it',
    ]);
    expect(codes(plan)).toEqual(['warning:group-not-viable']);
    expect(plan.findings[0]?.detail).toContain('0000:01:02.0 is on e1000');
    expect(plan.findings[0]?.remedy).toContain('assign-vfio');
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('forces any PCI driver onto an unbound device, loading it first', async () => {
    const target = simHost('igpu-mdev');
    const start = await bindings(target.host);
    const plan = await planOn(target, { kind: 'set-override', device: 'pci/0000:00:14.2', driver: 'vfio_pci' });
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Load module vfio_pci', 'Set the driver override of 0000:00:14.2 to vfio-pci', 'Probe 0000:00:14.2, so that vfio-pci takes it',
    ]);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('refuses a bus without driver_override', async () => {
    const plan = await planOn(simHost('sriov-server'), { kind: 'set-override', device: 'auxiliary/mlx5_core.rdma.2', driver: 'mlx5_core.eth' });
    expect(codes(plan)).toEqual(['refuse:no-driver-override']);
    expect(plan.steps).toEqual([]);
  });
});
