// assign-vfio on the simulated machines: whole groups, slot companions,
// bridges that stay, the most specific VFIO driver, the step discipline, and
// the plans that must be refused.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../../../src-shared/plan';
import { applyPlan, bindings, codes, expectAfter, planOn, rollBack, simHost } from '../support/sim';

function device(plan: Plan, id: string) {
  const found = plan.devices.find((d) => d.device === id);
  if (!found) throw new Error(`${id} is not in the plan`);
  return found;
}

const ops = (plan: Plan): string[] => plan.steps.map((s) => {
  const op = s.operation;
  return op.kind === 'load-module' ? `load ${op.module}` : `${op.kind} ${op.device}${'driver' in op ? ` ${op.driver}` : ''}`;
});

describe('assign-vfio on workstation', () => {
  it('takes the second GPU with its audio function, and is not refused', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] });
    expect(plan.summary).toBe('Assign 0000:05:00.0 (Radeon RX 6800/6800 XT / 6900 XT) and its audio function to VFIO');
    expect(plan.hostId).toBe('sim:workstation');
    expect(plan.devices.map((d) => [d.device, d.role])).toEqual([['pci/0000:05:00.0', 'target'], ['pci/0000:05:00.1', 'slot-companion']]);
    expect(device(plan, 'pci/0000:05:00.0')).toMatchObject({
      label: 'AMD/ATI Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]',
      before: { driver: 'amdgpu', override: null }, after: { driver: 'vfio-pci', override: 'vfio-pci' },
    });
    expect(device(plan, 'pci/0000:05:00.1')).toMatchObject({
      before: { driver: 'snd_hda_intel', override: null }, after: { driver: 'vfio-pci', override: 'vfio-pci' },
    });
    expect(device(plan, 'pci/0000:05:00.1').reason).toMatch(/audio function on the same card as 0000:05:00.0/);
    expect(ops(plan)).toEqual([
      'unbind pci/0000:05:00.0 amdgpu', 'set-override pci/0000:05:00.0 vfio-pci', 'probe pci/0000:05:00.0',
      'unbind pci/0000:05:00.1 snd_hda_intel', 'set-override pci/0000:05:00.1 vfio-pci', 'probe pci/0000:05:00.1',
    ]);
    expect(plan.steps.map((s) => s.description).slice(3, 4)).toEqual(['Unbind 0000:05:00.1 from snd_hda_intel']);
    expect(plan.findings.filter((f) => f.severity === 'refuse')).toEqual([]);
  });

  it('gives every step its precondition, expectation and inverse', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] });
    const gpu = 'pci/0000:05:00.0';
    expect(plan.steps.slice(0, 3)).toEqual([
      {
        index: 0, operation: { kind: 'unbind', device: gpu, driver: 'amdgpu' }, description: 'Unbind 0000:05:00.0 from amdgpu',
        preconditions: [{ kind: 'driver', device: gpu, driver: 'amdgpu' }],
        expect: [{ kind: 'driver', device: gpu, driver: null }],
        inverse: { kind: 'bind', device: gpu, driver: 'amdgpu' },
      },
      {
        index: 1, operation: { kind: 'set-override', device: gpu, driver: 'vfio-pci' }, description: 'Set the driver override of 0000:05:00.0 to vfio-pci',
        preconditions: [{ kind: 'override', device: gpu, driver: null }],
        expect: [{ kind: 'override', device: gpu, driver: 'vfio-pci' }],
        inverse: { kind: 'set-override', device: gpu, driver: null },
      },
      {
        index: 2, operation: { kind: 'probe', device: gpu }, description: 'Probe 0000:05:00.0, so that vfio-pci takes it',
        preconditions: [{ kind: 'driver', device: gpu, driver: null }, { kind: 'override', device: gpu, driver: 'vfio-pci' }],
        expect: [{ kind: 'driver', device: gpu, driver: 'vfio-pci' }],
        inverse: { kind: 'unbind', device: gpu, driver: 'vfio-pci' },
      },
    ]);
  });

  it('does what it says on the simulator, and its inverses in reverse bring every device back', async () => {
    const target = simHost('workstation');
    const start = await bindings(target.host);
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] });
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('refuses the boot NVMe, naming the root and EFI filesystems, and leaves its root port as it is', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'assign-vfio', devices: ['pci/0000:02:00.0'] });
    expect(codes(plan)).toEqual(['refuse:boot-disk']);
    const [boot] = plan.findings;
    expect(boot).toMatchObject({ forceable: false, devices: ['pci/0000:02:00.0'], title: 'This is the boot disk' });
    expect(boot?.detail).toContain('/ (/dev/nvme0n1p2, ext4)');
    expect(boot?.detail).toContain('/boot/efi (/dev/nvme0n1p1, vfat)');
    expect(device(plan, 'pci/0000:00:06.0')).toMatchObject({ role: 'stays', before: { driver: 'pcieport' }, after: { driver: 'pcieport' } });
    expect(device(plan, 'pci/0000:00:06.0').reason).toMatch(/pcieport .* does not stand in the way of VFIO/);
  });

  it('refuses the display GPU’s group (forceable), which brings its audio and leaves the PEG port', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'assign-vfio', devices: ['pci/0000:01:00.0'] });
    expect(codes(plan)).toEqual(['refuse:active-display']);
    expect(plan.findings[0]).toMatchObject({ forceable: true, devices: ['pci/0000:01:00.0'] });
    expect(plan.findings[0]?.detail).toMatch(/card1.*boot display/);
    expect(plan.devices.map((d) => [d.device, d.role])).toEqual([
      ['pci/0000:00:01.0', 'stays'], ['pci/0000:01:00.0', 'target'], ['pci/0000:01:00.1', 'slot-companion'],
    ]);
  });

  it('refuses the data disk as a mounted filesystem, forceable, and the NIC carrying the default route', async () => {
    const target = simHost('workstation');
    const data = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:08:00.0'] });
    expect(codes(data)).toEqual(['refuse:mounted-filesystem']);
    expect(data.findings[0]).toMatchObject({ forceable: true });
    expect(data.findings[0]?.detail).toContain('/data (/dev/nvme1n1p1, ext4)');
    const nic = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:06:00.0'] });
    expect(codes(nic)).toEqual(['refuse:default-route']);
    expect(nic.findings[0]?.detail).toContain('enp6s0');
  });

  it('leaves a device already on VFIO alone, and says there is nothing to do', async () => {
    const target = simHost('workstation');
    await applyPlan(target.host, await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] }));
    const again = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:05:00.1'] });
    expect(again.steps).toEqual([]);
    expect(codes(again)).toEqual(['info:nothing-to-do']);
    expect(again.devices.map((d) => [d.device, d.role, d.reason])).toEqual([
      ['pci/0000:05:00.0', 'stays', 'Already on vfio-pci, a VFIO driver: nothing to do.'],
      ['pci/0000:05:00.1', 'target', 'Already on vfio-pci, a VFIO driver: nothing to do.'],
    ]);
  });
});

describe('assign-vfio on sriov-server', () => {
  it('gives a ConnectX VF the mlx5_vfio_pci variant driver', async () => {
    const target = simHost('sriov-server');
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:3b:00.2'] });
    // A VF shares its slot number with the PFs and the other VFs, but none of them comes along.
    expect(plan.devices.map((d) => d.device)).toEqual(['pci/0000:3b:00.2']);
    expect(plan.devices[0]?.after).toEqual({ driver: 'mlx5_vfio_pci', override: 'mlx5_vfio_pci' });
    expect(plan.devices[0]?.reason).toMatch(/mlx5_vfio_pci is the VFIO variant driver for it \(vfio_pci:v000015B3d0000101E/);
    expect(ops(plan)).toEqual(['unbind pci/0000:3b:00.2 mlx5_core', 'set-override pci/0000:3b:00.2 mlx5_vfio_pci', 'probe pci/0000:3b:00.2']);
    expect(codes(plan)).toEqual(['warning:child-devices']);
    expect(plan.findings[0]?.detail).toContain('auxiliary/mlx5_core.eth.2');
    const start = await bindings(target.host);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('refuses the PF with VFs enabled, and says to set sriov_numvfs to 0 first', async () => {
    const plan = await planOn(simHost('sriov-server'), { kind: 'assign-vfio', devices: ['pci/0000:3b:00.0'] });
    expect(codes(plan)).toEqual(['refuse:sriov-pf-with-vfs', 'warning:child-devices']);
    const [pf] = plan.findings;
    expect(pf).toMatchObject({ forceable: false, devices: ['pci/0000:3b:00.0'] });
    expect(pf?.detail).toMatch(/4 VFs enabled .*EBUSY.*0000:3b:00.5 is in use by a VM/);
    expect(pf?.remedy).toContain('write 0 to /sys/bus/pci/devices/0000:3b:00.0/sriov_numvfs');
  });

  it('takes one port of a dual-port NIC without the other, which has its own group and reset', async () => {
    const plan = await planOn(simHost('sriov-server'), { kind: 'assign-vfio', devices: ['pci/0000:03:00.1'] });
    expect(plan.devices.map((d) => d.device)).toEqual(['pci/0000:03:00.1']);
    expect(plan.findings.filter((f) => f.severity === 'refuse')).toEqual([]);
  });

  it('refuses the boot disk of a whole-disk filesystem server too, and the console VGA behind its bridge', async () => {
    const target = simHost('sriov-server');
    const images = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:af:00.0'] });
    expect(codes(images)).toEqual(['refuse:mounted-filesystem']);
    expect(images.findings[0]?.detail).toContain('/var/lib/libvirt/images (/dev/nvme1n1, xfs)');
    const vga = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:02:00.0'] });
    expect(codes(vga)).toEqual(['refuse:active-display']);
    expect(vga.devices.map((d) => [d.device, d.role])).toEqual([['pci/0000:01:00.0', 'stays'], ['pci/0000:02:00.0', 'target']]);
  });
});

describe('assign-vfio on qemu-q35', () => {
  it('moves the two-function card together (both unbound: override and probe only)', async () => {
    const target = simHost('qemu-q35');
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:00:08.0'] });
    expect(plan.summary).toBe('Assign 0000:00:08.0 (Display controller [1234:1111]) and its audio function to VFIO');
    expect(plan.devices.map((d) => [d.device, d.role])).toEqual([['pci/0000:00:08.0', 'target'], ['pci/0000:00:08.1', 'slot-companion']]);
    expect(ops(plan)).toEqual([
      'set-override pci/0000:00:08.0 vfio-pci', 'probe pci/0000:00:08.0', 'set-override pci/0000:00:08.1 vfio-pci', 'probe pci/0000:00:08.1',
    ]);
    expect(plan.findings).toEqual([]);
    const start = await bindings(target.host);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('takes the e1000’s whole group behind the PCI bridge, and the bridge stays', async () => {
    const target = simHost('qemu-q35');
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:01:01.0'] });
    expect(plan.summary).toBe('Assign 0000:01:01.0 (82540EM Gigabit Ethernet Controller) and 1 other device of its IOMMU group to VFIO');
    expect(plan.devices.map((d) => [d.device, d.role, d.after.driver])).toEqual([
      ['pci/0000:00:09.0', 'stays', null], ['pci/0000:01:01.0', 'target', 'vfio-pci'], ['pci/0000:01:02.0', 'group-member', 'vfio-pci'],
    ]);
    expect(plan.findings).toEqual([]);
    const start = await bindings(target.host);
    await applyPlan(target.host, plan);
    // The group is viable now: a VM can open it.
    expect(target.host.change((machine) => machine.vfioGroupOpen(9))).toEqual({ ok: true });
    expect(target.host.change((machine) => machine.vfioGroupClose(9))).toEqual({ ok: true });
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('refuses a bridge named as the target: vfio-pci does not take bridges', async () => {
    const plan = await planOn(simHost('qemu-q35'), { kind: 'assign-vfio', devices: ['pci/0000:00:09.0'] });
    expect(codes(plan)).toContain('refuse:bridge');
    expect(plan.findings.find((f) => f.code === 'bridge')).toMatchObject({ forceable: false, devices: ['pci/0000:00:09.0'] });
  });

  it('refuses a device on another bus, pointing at its PCI function', async () => {
    const plan = await planOn(simHost('qemu-q35'), { kind: 'assign-vfio', devices: ['virtio/virtio0'] });
    expect(codes(plan)).toEqual(['refuse:no-vfio-driver']);
    expect(plan.findings[0]?.remedy).toContain('0000:00:03.0');
    expect(plan.steps).toEqual([]);
  });
});

describe('assign-vfio on igpu-mdev and dpu', () => {
  it('loads vfio_pci first when it is not loaded, and refuses the iGPU whose vGPU a VM is using', async () => {
    const plan = await planOn(simHost('igpu-mdev'), { kind: 'assign-vfio', devices: ['pci/0000:00:02.0'] });
    expect(plan.steps[0]).toMatchObject({
      operation: { kind: 'load-module', module: 'vfio_pci' }, description: 'Load module vfio_pci',
      preconditions: [], expect: [{ kind: 'module-loaded', module: 'vfio_pci' }], inverse: null,
    });
    expect(plan.steps[3]?.preconditions).toContainEqual({ kind: 'module-loaded', module: 'vfio_pci' });
    expect(codes(plan)).toEqual(['refuse:active-display', 'refuse:vfio-in-use', 'warning:child-devices']);
    expect(plan.findings[1]?.detail).toMatch(/4b6f1c1e-7a0d-4b8e-9c55-2f3a0d9e6b01, created by i915 on 0000:00:02.0, is in a running VM \(IOMMU group 8\)/);
    expect(plan.findings[1]?.forceable).toBe(false);
  });

  it('loads the module once for a whole group, and the plan round-trips', async () => {
    const target = simHost('igpu-mdev');
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:00:14.0'] });
    expect(ops(plan)).toEqual([
      'load vfio_pci',
      'unbind pci/0000:00:14.0 xhci_hcd', 'set-override pci/0000:00:14.0 vfio-pci', 'probe pci/0000:00:14.0',
      'set-override pci/0000:00:14.2 vfio-pci', 'probe pci/0000:00:14.2',
    ]);
    const start = await bindings(target.host);
    await applyPlan(target.host, plan);
    await expectAfter(target.host, plan);
    await rollBack(target.host, plan);
    expect(await bindings(target.host)).toEqual(start);
  });

  it('refuses a device the IOMMU does not translate for', async () => {
    const plan = await planOn(simHost('dpu'), { kind: 'assign-vfio', devices: ['pci/0000:00:00.2'] });
    expect(plan.devices.map((d) => d.device)).toEqual(['pci/0000:00:00.2']);
    expect(codes(plan)).toEqual(['refuse:no-iommu-group']);
    expect(plan.findings[0]).toMatchObject({ forceable: false });
  });

  it('moves the BlueField port with its group, without its sibling port', async () => {
    const target = simHost('dpu');
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:43:00.1'] });
    expect(plan.devices.map((d) => d.device)).toEqual(['pci/0000:43:00.1']);
    expect(plan.findings.filter((f) => f.severity === 'refuse')).toEqual([]);
  });
});
