// What an IOMMU group's make-up means for passthrough, in one sentence:
// the classic trap is a GPU on vfio-pci whose audio function is still on the host.
import { Notice } from '../../components/Notice';
import type { GroupSummary } from '../../model/iommu-groups';

function names(summary: GroupSummary): string {
  return summary.blockers.map((d) => `${d.name} (${d.driver ?? 'unbound'})`).join(', ');
}

export function GroupStateNote({ summary }: { readonly summary: GroupSummary }) {
  if (summary.state === 'blocked') {
    return (
      <Notice tone="danger" title="Not viable for VFIO">
        <p>Part of this group is on VFIO, but {names(summary)} {summary.blockers.length === 1 ? 'is' : 'are'} still bound to a host driver. VFIO refuses the group until every member is on a VFIO driver, pci-stub or pcieport, or unbound.</p>
      </Notice>
    );
  }
  if (summary.state === 'viable') {
    return <Notice tone="ok" title="Viable for VFIO"><p>Every member is on a VFIO driver, pci-stub or pcieport, or unbound.</p></Notice>;
  }
  if (summary.shared) {
    return (
      <Notice tone="warn" title={`Shared by ${summary.members.length} devices`}>
        <p>These devices go to a VM together: to pass one through, every other member must also move to a VFIO driver (or pci-stub), or be unbound; bridges on pcieport may stay.</p>
      </Notice>
    );
  }
  return null;
}
