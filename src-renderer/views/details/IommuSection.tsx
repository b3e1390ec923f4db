// The device's IOMMU group: who else is in it, and what that means.
import type { Device, DeviceId, Snapshot } from '../../../src-shared/model';
import { DeviceLink } from '../../components/DeviceLink';
import { Section } from '../../components/Section';
import type { DeviceIndex } from '../../model/device-index';
import { groupTypeDescription, summarizeGroup } from '../../model/iommu-groups';
import { GroupStateNote } from '../iommu/GroupStateNote';

interface IommuSectionProps {
  readonly device: Device;
  readonly snapshot: Snapshot;
  readonly index: DeviceIndex;
  readonly onSelect: (id: DeviceId) => void;
  readonly onShowGroups: () => void;
}

export function IommuSection({ device, snapshot, index, onSelect, onShowGroups }: IommuSectionProps) {
  if (snapshot.iommuGroups.length === 0) {
    return (
      <Section title="IOMMU group">
        <p className="muted">
          This host has no IOMMU groups, so no device can be passed to a VM with VFIO.{' '}
          <button type="button" className="link-button" onClick={onShowGroups}>How to enable the IOMMU</button>
        </p>
      </Section>
    );
  }
  const group = device.iommuGroup === null ? undefined : index.groups.get(device.iommuGroup);
  if (!group) {
    return (
      <Section title="IOMMU group">
        <p className="muted">{device.iommuGroup === null ? 'Not in an IOMMU group: the IOMMU does not translate this device\'s DMA.' : `In group ${device.iommuGroup}, which the snapshot does not list.`}</p>
      </Section>
    );
  }
  const summary = summarizeGroup(group, index.byId);
  return (
    <Section title={`IOMMU group ${group.id}`} aside={groupTypeDescription(group.type)}>
      <ul className="member-list" aria-label={`Members of IOMMU group ${group.id}`}>
        {summary.members.map((member) => (
          <li key={member.id}>
            <DeviceLink id={member.id} device={member.device} onSelect={onSelect} withDriver current={member.id === device.id} />
          </li>
        ))}
      </ul>
      <GroupStateNote summary={summary} />
    </Section>
  );
}
