// iommu-off: no IOMMU groups at all, so VFIO can give nothing to a VM
// (vfio-pci refuses devices without a group, kernel-abi.md 3.7). The remedy
// names the kernel parameters for this CPU. Never forceable.
import type { Snapshot } from '../../../../src-shared/model';
import { finding } from '../findings';
import { listing } from '../wording';
import type { SafetyCheck } from './moves';
import { toVfio } from './moves';

const INTEL = '0x8086';
const AMD = '0x1022';

/** The CPU's IOMMU by the host bridge's vendor: intel_iommu or amd_iommu. */
function kernelParameters(snapshot: Snapshot): string {
  const host = snapshot.devices.find((d) => d.id === 'pci/0000:00:00.0')?.pci?.vendor;
  if (host === INTEL) return 'Enable VT-d in the firmware setup, add intel_iommu=on iommu=pt to the kernel command line';
  if (host === AMD) return 'Enable the IOMMU (AMD-Vi) in the firmware setup, add amd_iommu=on iommu=pt to the kernel command line';
  return 'Enable the IOMMU (VT-d or AMD-Vi) in the firmware setup, add intel_iommu=on (Intel) or amd_iommu=on (AMD) and iommu=pt to the kernel command line';
}

export const iommuOff: SafetyCheck = ({ ctx, moves }) => {
  const going = moves.filter(toVfio).map((m) => m.device);
  if (going.length === 0 || ctx.snapshot.iommuGroups.length > 0) return [];
  return [finding('iommu-off', 'refuse', {
    title: 'The IOMMU is off',
    detail: `This host has no IOMMU groups: the kernel runs without an IOMMU, so VFIO cannot give ${listing(going.map((d) => d.name))} to a VM `
      + '(vfio-pci refuses devices without a group).',
    remedy: `${kernelParameters(ctx.snapshot)} (GRUB_CMDLINE_LINUX in /etc/default/grub, then update-grub or grub2-mkconfig), and restart.`,
  }, going, false)];
};
