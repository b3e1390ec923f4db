// What vfio-pci's probe refuses whatever the user wants: a denylisted device.
// (Bridges and PFs with VFs: goals/assign-vfio.test.ts.)
import { describe, expect, it } from 'vitest';
import { codes, planOn, scenarioData, variantHost } from '../support/sim';

describe('vfio-denylisted', () => {
  it('refuses an Intel QAT function for vfio-pci, unforceably', async () => {
    const data = scenarioData('qemu-q35');
    const qat = { address: '0000:00:0a.0', label: 'QAT', id: '8086:37c8', class: '0b4000', group: 11 };
    const target = variantHost({ ...data, name: 'qemu-q35-qat', pci: [...(data.pci as unknown[]), qat] });
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:00:0a.0'] });
    expect(codes(plan)).toEqual(['refuse:vfio-denylisted']);
    expect(plan.findings[0]).toMatchObject({ forceable: false, devices: ['pci/0000:00:0a.0'] });
  });
});
