// All IOMMU groups at a glance: one tile per group, as wide as its member
// count, coloured by what it means for passthrough. A picture for the eye; the
// list below carries the same facts for keyboards and screen readers.
import { useMemo, useRef } from 'react';
import type { DeviceId } from '../../../src-shared/model';
import { useElementWidth } from '../../components/use-element-width';
import { TILE, layoutGroupMap } from '../../model/group-map-layout';
import type { GroupSummary } from '../../model/iommu-groups';
import './group-map.css';

interface GroupMapProps {
  readonly summaries: readonly GroupSummary[];
  readonly selectedId: DeviceId | null;
  readonly onPick: (summary: GroupSummary) => void;
}

function tone(summary: GroupSummary): string {
  if (summary.state === 'blocked') return 'blocked';
  if (summary.state === 'viable') return 'viable';
  return summary.shared ? 'shared' : 'single';
}

function tooltip(summary: GroupSummary): string {
  const members = summary.members.map(({ id, device }) => `${device?.name ?? id}${device?.driver ? ` (${device.driver})` : ''}`);
  return `IOMMU group ${summary.id}: ${members.join(', ')}`;
}

export function GroupMap({ summaries, selectedId, onPick }: GroupMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const layout = useMemo(() => layoutGroupMap(summaries.map((s) => s.members.length), width), [summaries, width]);
  const shared = summaries.filter((s) => s.shared).length;
  return (
    <div className="group-map" ref={ref}>
      {width > 0 && (
        <svg
          width={width}
          height={layout.height}
          role="img"
          aria-label={`Map of ${summaries.length} IOMMU groups, ${shared} shared by several devices`}
        >
          {layout.tiles.map((tile) => {
            const summary = summaries[tile.index];
            if (!summary) return null;
            const selected = selectedId !== null && summary.members.some((m) => m.id === selectedId);
            return (
              <g
                key={summary.id}
                className={`map-tile map-${tone(summary)}${selected ? ' is-selected' : ''}`}
                transform={`translate(${tile.x} ${tile.y})`}
                onClick={() => onPick(summary)}
              >
                <title>{tooltip(summary)}</title>
                <rect width={tile.width} height={TILE.height} rx={3} />
                {summary.members.map((member, i) => {
                  const x = TILE.padding + i * TILE.cell + 1;
                  return x + TILE.cell - 2 <= tile.width - TILE.padding + 1 ? (
                    <rect key={member.id} className="map-cell" x={x} y={4} width={TILE.cell - 2} height={TILE.height - 8} rx={1} />
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
      )}
      <ul className="map-legend" aria-hidden="true">
        <li><span className="swatch map-single" />one device</li>
        <li><span className="swatch map-shared" />shared</li>
        <li><span className="swatch map-viable" />viable for VFIO</li>
        <li><span className="swatch map-blocked" />not viable</li>
      </ul>
    </div>
  );
}
