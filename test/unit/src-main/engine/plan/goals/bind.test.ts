// bind DEVICE DRIVER: unbind first if bound, load the module if needed, and
// refuse with the kernel's own answer a driver that would not match.
import { describe, expect, it } from 'vitest';
import { BinderyFailure } from '../../../../../../src-shared/errors';
import { applyPlan, bindings, codes, expectAfter, planOn, rollBack, simHost } from '../support/sim';

const NIC = 'pci/0000:01:01.0';

describe('bind', () => {
  it('binds an unbound device with one step, which its inverse undoes', async () => {
    const target = simHost('qemu-q35');
    expect(await target.host.perform({ kind: 'unbind', device: NIC, driver: 'e1000' })).toEqual({ ok: true });
    const start = await bindings(target.host);
    const plan = await planOn(target, { kind: 'bind', device: NIC, driver: 'e1000' });
    expect(plan.summary).toBe('Bind 0000:01:01.0 (82540EM Gigabit Ethernet Controller) to e1000');
    expect(plan.steps).toEqual([{
      index: 0, operation: { kind: 'bind', device: NIC, driver: 'e1000' }, description: 'Bind 0000:01:01.0 to e1000',
      preconditions: [{ kind: 'driver', device: NIC, driver: null }, { kind: 'override', device: NIC, driver: null }],
      expect: [{ kind: 'driver', device: NIC, driver: 'e1000' }],
      inverse: { kind: 'unbind', device: NIC, driver: 'e1000' },
    }]);
    expect(plan.findings).toEqual([]);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('unbinds a bound device first, and loads the driver’s module (here refused: it is not installed)', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'bind', device: 'pci/0000:00:1f.3', driver: 'snd_soc_avs' });
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Load module snd_soc_avs', 'Unbind 0000:00:1f.3 from snd_hda_intel', 'Bind 0000:00:1f.3 to snd_soc_avs',
    ]);
    expect(codes(plan)).toEqual(['refuse:module-missing']);
    expect(plan.findings[0]).toMatchObject({ forceable: false, devices: ['pci/0000:00:1f.3'], title: 'Module snd_soc_avs is not installed' });
  });

  it('moves a bound device whose override names the new driver, keeping every inverse able to match', async () => {
    const target = simHost('qemu-q35');
    expect(await target.host.perform({ kind: 'set-override', device: NIC, driver: 'igb' })).toEqual({ ok: true });
    const start = await bindings(target.host);
    const plan = await planOn(target, { kind: 'bind', device: NIC, driver: 'igb' });
    // The override goes to e1000 for the unbind, so that its inverse (bind e1000) can match again.
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Set the driver override of 0000:01:01.0 to e1000, so that e1000 can take it back if the plan is undone', 'Unbind 0000:01:01.0 from e1000',
      'Set the driver override of 0000:01:01.0 to igb', 'Probe 0000:01:01.0, so that igb takes it',
    ]);
    expect(plan.findings).toEqual([]);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('refuses a driver whose ID table does not list the device (ENODEV), pointing at set-override', async () => {
    const plan = await planOn(simHost('qemu-q35'), { kind: 'bind', device: NIC, driver: 'igb' });
    expect(codes(plan)).toEqual(['refuse:driver-will-not-match']);
    expect(plan.findings[0]).toMatchObject({ forceable: false, title: 'igb would not take 0000:01:01.0' });
    expect(plan.findings[0]?.detail).toBe('igb\'s ID table does not list 0000:01:01.0 (pci:v00008086d0000100Esv00001AF4sd00001100bc02sc00i00), so bind answers ENODEV.');
    expect(plan.findings[0]?.remedy).toContain(`bindery apply set-override ${NIC} igb`);
  });

  it('refuses a driver the override keeps out, and a VFIO driver, which matches only through the override', async () => {
    const target = simHost('qemu-q35');
    const vfio = await planOn(target, { kind: 'bind', device: NIC, driver: 'vfio-pci' });
    expect(codes(vfio)).toEqual(['refuse:driver-will-not-match', 'warning:group-not-viable']);
    expect(vfio.findings[0]?.detail).toContain('only through driver_override');
    expect(vfio.findings[0]?.remedy).toContain(`assign-vfio ${NIC}`);
    expect(await target.host.perform({ kind: 'set-override', device: NIC, driver: 'vfio-pci' })).toEqual({ ok: true });
    const kept = await planOn(target, { kind: 'bind', device: NIC, driver: 'igb' });
    expect(codes(kept)).toEqual(['refuse:driver-will-not-match']);
    expect(kept.findings[0]?.detail).toBe('The driver_override of 0000:01:01.0 names vfio-pci, so the kernel matches no other driver to it: bind answers ENODEV.');
  });

  it('sees that loading a module binds the unbound device by itself, and says what else it binds', async () => {
    const target = simHost('sriov-server');
    expect(target.host.change((machine) => machine.write('/sys/bus/pci/devices/0000:03:00.1/sriov_numvfs', '2\n'))).toEqual({ ok: true });
    const vf = 'pci/0000:03:10.1';
    const plan = await planOn(target, { kind: 'bind', device: vf, driver: 'igbvf' });
    expect(plan.steps).toEqual([{
      index: 0, operation: { kind: 'load-module', module: 'igbvf' },
      description: 'Load module igbvf; igbvf takes 0000:03:10.1 as it registers',
      preconditions: [], expect: [{ kind: 'module-loaded', module: 'igbvf' }, { kind: 'driver', device: vf, driver: 'igbvf' }], inverse: null,
    }]);
    expect(codes(plan)).toEqual(['warning:module-binds-others']);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
  });

  it('refuses a VF whose PF does not let drivers probe its VFs', async () => {
    const target = simHost('sriov-server');
    expect(target.host.change((machine) => [
      machine.write('/sys/bus/pci/devices/0000:03:00.1/sriov_drivers_autoprobe', '0\n'),
      machine.write('/sys/bus/pci/devices/0000:03:00.1/sriov_numvfs', '1\n'),
      machine.modprobe('igbvf'),
    ])).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    const plan = await planOn(target, { kind: 'bind', device: 'pci/0000:03:10.1', driver: 'igbvf' });
    expect(codes(plan)).toEqual(['refuse:driver-will-not-match']);
    expect(plan.findings[0]?.detail).toContain('sriov_drivers_autoprobe set to 0');
  });

  it('takes a module name for its driver name, and has nothing to do when the device is on it', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'bind', device: 'pci/0000:00:14.0', driver: 'xhci_pci' });
    expect(plan.devices[0]?.after.driver).toBe('xhci_hcd');
    expect(codes(plan)).toEqual(['info:nothing-to-do']);
  });

  it('throws for a driver this host does not have, and for a device it does not have', async () => {
    const target = simHost('qemu-q35');
    const noDriver = planOn(target, { kind: 'bind', device: NIC, driver: 'no_such_driver' });
    await expect(noDriver).rejects.toBeInstanceOf(BinderyFailure);
    await expect(noDriver).rejects.toMatchObject({ error: { code: 'BAD_INPUT', title: 'No such driver' } });
    await expect(planOn(target, { kind: 'bind', device: 'pci/0000:09:00.0', driver: 'e1000' }))
      .rejects.toMatchObject({ error: { code: 'UNKNOWN_DEVICE' } });
    await expect(planOn(target, { kind: 'bind', device: NIC, driver: '../../../etc/passwd' }))
      .rejects.toMatchObject({ error: { code: 'BAD_INPUT' } });
  });
});
