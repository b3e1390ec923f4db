// On a captured tree (LinuxHost on the workstation fixture) the host cannot
// tell mounts, routes, displays or VMs: the plan says what went unchecked,
// and the boot display alone is a warning.
import { describe, expect, it } from 'vitest';
import { capturedHost, codes, planOn } from '../support/sim';

describe('facts-unknown', () => {
  it('warns that the checks could not look, on a tree that cannot be changed anyway', async () => {
    const plan = await planOn(capturedHost(), { kind: 'assign-vfio', devices: ['pci/0000:01:00.0'] });
    expect(plan.hostId).toMatch(/^tree:/);
    expect(plan.devices.map((d) => [d.device, d.role, d.after.driver])).toEqual([
      ['pci/0000:00:01.0', 'stays', 'pcieport'], ['pci/0000:01:00.0', 'target', 'vfio-pci'], ['pci/0000:01:00.1', 'slot-companion', 'vfio-pci'],
    ]);
    expect(codes(plan)).toEqual(['warning:facts-unknown']);
    const [unknown] = plan.findings;
    expect(unknown?.detail).toBe('Bindery could not tell which filesystems are mounted and which display is in use on workstation, '
      + 'a captured sysfs tree, so the checks that need it could not run.');
    expect(unknown?.remedy).toContain('cannot be changed anyway');
  });

  it('warns about the boot display it cannot rule out', async () => {
    const plan = await planOn(capturedHost(), { kind: 'assign-vfio', devices: ['pci/0000:00:02.0'] });
    expect(codes(plan)).toEqual(['warning:active-display', 'warning:child-devices', 'warning:facts-unknown']);
    expect(plan.findings[0]?.detail).toContain('boot display (boot_vga)');
    expect(plan.findings[1]?.detail).toContain('mdev/83b8f4f2-509f-382f-3c1e-e6bfe0fa1001');
  });

  it('names only the facts the plan needed: for a return from VFIO, whether a VM holds the group', async () => {
    const plan = await planOn(capturedHost(), { kind: 'return-to-host', devices: ['pci/0000:04:00.3'] });
    expect(plan.devices.map((d) => [d.device, d.after])).toEqual([['pci/0000:04:00.3', { driver: 'mlx5_core', override: null }]]);
    expect(codes(plan)).toEqual(['warning:facts-unknown']);
    expect(plan.findings[0]?.detail).toMatch(/^Bindery could not tell which IOMMU groups a VM holds open on workstation/);
  });

  it('says nothing when the plan needed no fact', async () => {
    const plan = await planOn(capturedHost(), { kind: 'set-override', device: 'pci/0000:00:00.0', driver: 'vfio-pci' });
    expect(codes(plan)).toEqual([]);
  });
});
