// group-not-viable: after the plan, a group with a device on VFIO must have
// no member on a driver that uses the kernel's DMA API.
import { describe, expect, it } from 'vitest';
import { applyPlan, codes, planOn, simHost } from '../support/sim';

describe('group-not-viable', () => {
  it('refuses assign-vfio when a member it cannot move stays on a DMA-API driver (forceable)', async () => {
    const target = simHost('qemu-q35');
    // Force e1000 onto the conventional bridge of group 9: vfio-pci cannot take a bridge, so it stays there.
    await applyPlan(target.host, await planOn(target, { kind: 'set-override', device: 'pci/0000:00:09.0', driver: 'e1000' }));
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:01:01.0'] });
    expect(plan.devices.find((d) => d.device === 'pci/0000:00:09.0')).toMatchObject({ role: 'stays', after: { driver: 'e1000' } });
    expect(codes(plan)).toEqual(['refuse:group-not-viable']);
    expect(plan.findings[0]).toMatchObject({ forceable: true, title: 'IOMMU group 9 would not be usable by a VM' });
    expect(plan.findings[0]?.detail).toContain('0000:00:09.0 is on e1000');
    expect(plan.findings[0]?.detail).toContain('/dev/vfio/9 gives EPERM');
  });

  it('warns when a single-device change leaves a group half on VFIO', async () => {
    const target = simHost('workstation');
    await applyPlan(target.host, await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] }));
    const plan = await planOn(target, { kind: 'bind', device: 'pci/0000:05:00.1', driver: 'snd_hda_intel' });
    expect(plan.findings.map((f) => f.code)).toContain('driver-will-not-match');
    const cleared = await planOn(target, { kind: 'clear-override', device: 'pci/0000:05:00.1' });
    expect(codes(cleared)).toEqual(['warning:group-not-viable']);
    expect(cleared.findings[0]?.detail).toContain('0000:05:00.1 is on snd_hda_intel');
  });
});
