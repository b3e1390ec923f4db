// iommu-off and no-iommu-group: VFIO needs an IOMMU group; the plan says
// which kernel parameters turn the IOMMU on, for this machine's CPU.
import { describe, expect, it } from 'vitest';
import { codes, planOn, scenarioData, simHost, variantHost } from '../support/sim';

/** A shipped scenario booted without an IOMMU: no groups at all. */
function withoutIommu(name: string): Record<string, unknown> {
  const data = scenarioData(name);
  const pci = (data.pci as Record<string, unknown>[]).map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'group')));
  return { ...data, name: `${name}-no-iommu`, iommu: false, pci };
}

describe('iommu-off', () => {
  it('refuses assign-vfio on an Intel machine without groups, unforceably, naming intel_iommu=on and iommu=pt', async () => {
    const plan = await planOn(variantHost(withoutIommu('workstation')), { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] });
    expect(codes(plan)).toEqual(['refuse:iommu-off']);
    expect(plan.findings[0]).toMatchObject({ forceable: false, title: 'The IOMMU is off', devices: ['pci/0000:05:00.0', 'pci/0000:05:00.1'] });
    expect(plan.findings[0]?.remedy).toMatch(/VT-d.*intel_iommu=on iommu=pt/);
  });

  it('names amd_iommu=on on an AMD machine', async () => {
    const plan = await planOn(variantHost(withoutIommu('dpu')), { kind: 'assign-vfio', devices: ['pci/0000:43:00.1'] });
    expect(codes(plan)).toContain('refuse:iommu-off');
    expect(plan.findings.find((f) => f.code === 'iommu-off')?.remedy).toMatch(/AMD-Vi.*amd_iommu=on iommu=pt/);
  });

  it('does not concern plans that move nothing to VFIO', async () => {
    const plan = await planOn(variantHost(withoutIommu('workstation')), { kind: 'unbind', device: 'pci/0000:05:00.1' });
    expect(codes(plan)).toEqual([]);
  });
});

describe('no-iommu-group', () => {
  it('refuses a device the IOMMU does not translate for, also through set-override', async () => {
    const plan = await planOn(simHost('dpu'), { kind: 'set-override', device: 'pci/0000:40:00.2', driver: 'vfio-pci' });
    expect(codes(plan)).toEqual(['refuse:no-iommu-group']);
    expect(plan.findings[0]?.detail).toContain('EINVAL');
  });
});
