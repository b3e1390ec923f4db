// The IOMMU groups tab: every group with its members, shared groups marked,
// since a shared group is what stops a passthrough ("group is not viable").
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DeviceId, Snapshot } from '../../../src-shared/model';
import { useVirtualRows } from '../../components/use-virtual-rows';
import type { DeviceIndex } from '../../model/device-index';
import { summarizeGroups } from '../../model/iommu-groups';
import { GroupCard } from './GroupCard';
import { GroupMap } from './GroupMap';
import { NoIommu } from './NoIommu';
import './iommu-view.css';

interface IommuViewProps {
  readonly snapshot: Snapshot;
  readonly index: DeviceIndex;
  readonly selectedId: DeviceId | null;
  readonly onSelect: (id: DeviceId) => void;
  /** Whether the tab is showing; a hidden list cannot scroll. */
  readonly visible: boolean;
}

/** Header, padding and gap around a card's member rows; rows are 26px. */
const CARD_CHROME = 48;
const MEMBER_ROW = 26;

export function IommuView({ snapshot, index, selectedId, onSelect, visible }: IommuViewProps) {
  const [sharedOnly, setSharedOnly] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const summaries = useMemo(() => summarizeGroups(snapshot.iommuGroups, index.byId), [snapshot.iommuGroups, index.byId]);
  const shown = useMemo(() => (sharedOnly ? summaries.filter((s) => s.shared) : summaries), [summaries, sharedOnly]);
  const virtual = useVirtualRows({
    count: shown.length,
    scrollRef,
    estimateSize: (i) => CARD_CHROME + (shown[i]?.members.length ?? 1) * MEMBER_ROW,
    getItemKey: (i) => shown[i]?.id ?? i,
    overscan: 4,
  });
  const selectedGroup = selectedId === null ? -1 : shown.findIndex((s) => s.members.some((m) => m.id === selectedId));

  // Bring the selected device's group into view, whichever view selected it.
  useEffect(() => {
    if (visible && selectedGroup >= 0) virtual.scrollToIndex(selectedGroup, { align: 'auto' });
  }, [visible, selectedGroup, virtual]);

  if (summaries.length === 0) return <NoIommu snapshot={snapshot} />;
  const shared = summaries.filter((s) => s.shared).length;
  const blocked = summaries.filter((s) => s.state === 'blocked').length;

  return (
    <div className="iommu-view">
      <div className="iommu-toolbar">
        <p className="iommu-summary">
          <strong>{summaries.length.toLocaleString('en')}</strong> groups
          <span aria-hidden="true"> · </span>
          <span className={shared ? 'warn-text' : undefined}><strong>{shared}</strong> shared by several devices</span>
          {blocked > 0 && (
            <>
              <span aria-hidden="true"> · </span>
              <span className="danger-text"><strong>{blocked}</strong> not viable</span>
            </>
          )}
        </p>
        <label className="check">
          <input type="checkbox" checked={sharedOnly} onChange={(event) => setSharedOnly(event.target.checked)} />
          Shared groups only
        </label>
      </div>
      <GroupMap
        summaries={summaries}
        selectedId={selectedId}
        onPick={(summary) => {
          if (sharedOnly && !summary.shared) setSharedOnly(false);
          const first = summary.members.find((m) => m.device)?.id;
          if (first) onSelect(first);
        }}
      />
      <div className="iommu-groups" ref={scrollRef} role="list" aria-label="IOMMU groups">
        <div className="iommu-groups-inner" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const summary = shown[item.index];
            if (!summary) return null;
            return (
              <div
                key={item.key}
                role="listitem"
                aria-setsize={shown.length}
                aria-posinset={item.index + 1}
                data-index={item.index}
                ref={virtual.measureElement}
                className="iommu-group-slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <GroupCard summary={summary} selectedId={selectedId} onSelect={onSelect} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
