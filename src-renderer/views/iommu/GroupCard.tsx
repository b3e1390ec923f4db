// One IOMMU group: its members (each opens in the details) and, for shared
// groups, what sharing means for passthrough.
import { memo } from 'react';
import type { DeviceId } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { DriverBadge } from '../../components/DriverBadge';
import { deviceTitle } from '../../model/device-labels';
import type { GroupSummary } from '../../model/iommu-groups';

interface GroupCardProps {
  readonly summary: GroupSummary;
  readonly selectedId: DeviceId | null;
  readonly onSelect: (id: DeviceId) => void;
}

function StateBadge({ summary }: { readonly summary: GroupSummary }) {
  if (summary.state === 'blocked') return <Badge tone="danger" title="Some members are on VFIO, others still on host drivers">not viable</Badge>;
  if (summary.state === 'viable') return <Badge tone="ok" title="VFIO can open this group as it is bound now">viable for VFIO</Badge>;
  return null;
}

export const GroupCard = memo(function GroupCard({ summary, selectedId, onSelect }: GroupCardProps) {
  const headingId = `iommu-group-${summary.id}`;
  const classes = ['group-card'];
  if (summary.shared) classes.push('is-shared');
  if (summary.state === 'blocked') classes.push('is-blocked');
  const blockers = new Set(summary.blockers.map((d) => d.id));
  return (
    <article className={classes.join(' ')} aria-labelledby={headingId}>
      <header className="group-head">
        <h3 id={headingId} className="group-title">IOMMU group {summary.id}</h3>
        {summary.shared && <Badge tone="warn" title="Devices in one group go to a VM together">{summary.members.length} devices</Badge>}
        <StateBadge summary={summary} />
        <span className="group-type mono" title="Default domain type">{summary.type ?? 'unknown'}</span>
      </header>
      <ul className="group-members">
        {summary.members.map(({ id, device }) => (
          <li key={id}>
            {device ? (
              <button
                type="button"
                className={`group-member${id === selectedId ? ' is-selected' : ''}${summary.state === 'blocked' && blockers.has(id) ? ' is-blocker' : ''}`}
                aria-current={id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(id)}
              >
                <span className="row-address mono">{device.name}</span>
                <span className="row-title">{deviceTitle(device) ?? device.bus}</span>
                <DriverBadge device={device} />
              </button>
            ) : (
              <span className="group-member is-missing"><span className="mono">{id}</span> <span className="faint">not in this snapshot</span></span>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
});
