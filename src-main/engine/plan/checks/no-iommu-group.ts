// no-iommu-group: the IOMMU is on but does not translate for this device
// (it has no iommu_group), so vfio-pci refuses it (EINVAL). Never forceable.
import type { Finding } from '../../../../src-shared/plan';
import { finding } from '../findings';
import type { SafetyCheck } from './moves';
import { toVfio } from './moves';

export const noIommuGroup: SafetyCheck = ({ ctx, moves }) => {
  if (ctx.snapshot.iommuGroups.length === 0) return [];
  const going = moves.filter(toVfio).map((m) => m.device);
  return going.filter((d) => d.iommuGroup === null).map((device): Finding => finding('no-iommu-group', 'refuse', {
    title: `${device.name} has no IOMMU group`,
    detail: `The IOMMU does not translate for ${device.name} (it has no iommu_group), so VFIO cannot isolate it and vfio-pci refuses it (EINVAL).`,
    remedy: 'Pick a device that has an IOMMU group; the IOMMU groups view shows them.',
  }, [device], false));
};
