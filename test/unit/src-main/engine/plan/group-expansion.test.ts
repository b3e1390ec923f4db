// Which devices go with a target: its group, the functions of its card that
// cannot stay behind (a GPU's audio, functions reset only with the whole
// card), their groups in turn; never VFs, never the NIC port next door that
// resets on its own.
import { describe, expect, it } from 'vitest';
import { codes, planOn, scenarioData, simHost, variantHost } from './support/sim';

type PciEntry = Record<string, unknown>;

function variant(name: string, change: (entry: PciEntry) => PciEntry): Record<string, unknown> {
  const data = scenarioData(name);
  return { ...data, name: `${name}-variant`, pci: (data.pci as PciEntry[]).map(change) };
}

describe('group and slot expansion', () => {
  it('takes a GPU’s audio function even from another IOMMU group, and that group too', async () => {
    const target = variantHost(variant('workstation', (e) => (e.address === '0000:05:00.1' ? { ...e, group: 'asmedia' } : e)));
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] });
    expect(plan.devices.map((d) => [d.device, d.role])).toEqual([
      ['pci/0000:05:00.0', 'target'], ['pci/0000:05:00.1', 'slot-companion'], ['pci/0000:07:00.0', 'group-member'],
    ]);
    expect(plan.devices[1]?.reason).toMatch(/^The audio function on the same card as 0000:05:00.0; a GPU and its audio go to a VM together\./);
    expect(plan.devices[2]?.reason).toMatch(/^In IOMMU group \d+ with 0000:05:00.1: VFIO takes a group whole\./);
    expect(plan.summary).toBe('Assign 0000:05:00.0 (Radeon RX 6800/6800 XT / 6900 XT), its audio function and 1 other device of its IOMMU group to VFIO');
  });

  it('takes the other port of a card that only resets as a whole, with what that port is refused for', async () => {
    const target = variantHost(variant('sriov-server', (e) => (String(e.address).startsWith('0000:03:00.') ? { ...e, resetMethods: ['bus'] } : e)));
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:03:00.1'] });
    expect(plan.devices.map((d) => [d.device, d.role])).toEqual([['pci/0000:03:00.0', 'slot-companion'], ['pci/0000:03:00.1', 'target']]);
    expect(plan.devices[0]?.reason).toContain('resetting one function for the VM resets the other too');
    expect(codes(plan)).toEqual(['refuse:default-route']);
    expect(plan.findings[0]?.detail).toContain('eno1');
  });

  it('leaves the port next door that has its own group and reset, and every VF, where they are', async () => {
    const target = simHost('sriov-server');
    expect((await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:86:00.1'] })).devices.map((d) => d.device)).toEqual(['pci/0000:86:00.1']);
    expect((await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:3b:00.4'] })).devices.map((d) => d.device)).toEqual(['pci/0000:3b:00.4']);
  });

  it('expands a VF of the fleet node alone, among 10,000 functions', async () => {
    const target = simHost('fleet');
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:01:01.0'] });
    expect(plan.devices.map((d) => [d.device, d.role, d.before.driver, d.after.driver])).toEqual([['pci/0000:01:01.0', 'target', 'iavf', 'vfio-pci']]);
    expect(plan.findings).toEqual([]);
  });
});
