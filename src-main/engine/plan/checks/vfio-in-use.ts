// vfio-in-use: a VM holds an IOMMU group open (/dev/vfio/N). Unbinding a
// VFIO driver of it, or removing an mdev in it with its parent's driver,
// blocks until the VM lets go (kernel-abi.md 1.4); binding a DMA-API driver
// to a member fails with EBUSY (3.7). Never forceable: the step would hang or fail.
import type { Device } from '../../../../src-shared/model';
import type { Finding } from '../../../../src-shared/plan';
import { blocksViability } from '../driver-kinds';
import { finding } from '../findings';
import { shortListing } from '../wording';
import type { SafetyCheck } from './moves';
import { fromVfio } from './moves';

const REMEDY = 'Shut the VM down, or detach the device from it (virsh detach-device, or the VM manager), then plan again.';

function inUse(device: Device, groups: readonly number[]): boolean {
  return device.iommuGroup !== null && groups.includes(device.iommuGroup);
}

export const vfioInUse: SafetyCheck = ({ ctx, moves }) => {
  const leaving = moves.filter(fromVfio);
  const binding = moves.filter(({ device, planned }) =>
    planned.after.driver !== planned.before.driver && blocksViability(device, planned.after.driver) && device.iommuGroup !== null);
  const parents = moves.filter((m) => m.planned.before.driver !== null && m.planned.after.driver !== m.planned.before.driver)
    .map(({ device, planned }) => ({ device, driver: planned.before.driver, vfio: ctx.createdBelow(device).filter((d) => d.iommuGroup !== null) }))
    .filter(({ vfio }) => vfio.length > 0);
  if (leaving.length + binding.length + parents.length === 0) return [];
  const groups = ctx.fact('vfioGroupsInUse');
  if (groups === null) return [];
  const findings: Finding[] = [];
  for (const { device, planned } of leaving.filter((m) => inUse(m.device, groups))) {
    findings.push(finding('vfio-in-use', 'refuse', {
      title: `A VM is using ${device.name}`,
      detail: `A VM holds IOMMU group ${device.iommuGroup} open (/dev/vfio/${device.iommuGroup}). Unbinding ${device.name} `
        + `from ${planned.before.driver} would block until the VM lets go of it.`,
      remedy: REMEDY,
    }, [device], false));
  }
  for (const { device, planned } of binding.filter((m) => inUse(m.device, groups) && !leaving.includes(m))) {
    findings.push(finding('vfio-in-use', 'refuse', {
      title: `A VM owns the IOMMU group of ${device.name}`,
      detail: `A VM holds IOMMU group ${device.iommuGroup} open, so binding ${planned.after.driver} (a driver that uses the kernel's DMA API) `
        + `to ${device.name} fails with EBUSY.`,
      remedy: REMEDY,
    }, [device], false));
  }
  for (const { device, driver, vfio } of parents) {
    const held = vfio.filter((d) => inUse(d, groups));
    if (held.length === 0) continue;
    findings.push(finding('vfio-in-use', 'refuse', {
      title: `A VM is using a device of ${device.name}`,
      detail: `${shortListing(held.map((d) => d.name))}, created by ${driver} on ${device.name}, ${held.length === 1 ? 'is' : 'are'} in a running VM `
        + `(IOMMU group ${shortListing(held.map((d) => String(d.iommuGroup)))}). Unbinding ${driver} removes ${held.length === 1 ? 'it' : 'them'}, `
        + 'which blocks until the VM lets go.',
      remedy: REMEDY,
    }, [device, ...held], false));
  }
  return findings;
};
