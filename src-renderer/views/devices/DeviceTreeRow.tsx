// One row of the device tree: a bus heading or a device.
import { memo } from 'react';
import type { CSSProperties, MouseEvent } from 'react';
import type { DeviceId } from '../../../src-shared/model';
import { Icon } from '../../components/Icon';
import type { MenuPoint } from '../../components/Menu';
import { busLabel } from '../../model/device-labels';
import type { TreeRow } from '../../model/tree-rows';
import { DeviceSummary } from './DeviceSummary';

interface DeviceTreeRowProps {
  readonly id: string;
  readonly row: TreeRow;
  /** Offset from the top of the list, from the virtualizer. */
  readonly top: number;
  readonly active: boolean;
  readonly selected: boolean;
  readonly onActivate: (key: string) => void;
  readonly onSelect: (id: DeviceId) => void;
  readonly onExpand: (key: string, expanded: boolean) => void;
  readonly onMenu: (id: DeviceId, at: MenuPoint) => void;
}

/** Pixels per tree level; the CSS draws the indent guides at the same pitch. */
const INDENT = 16;

export const DeviceTreeRow = memo(function DeviceTreeRow(props: DeviceTreeRowProps) {
  const { id, row, top, active, selected, onActivate, onSelect, onExpand, onMenu } = props;
  const onClick = () => {
    onActivate(row.key);
    if (row.kind === 'device') onSelect(row.device.id);
    else onExpand(row.key, !row.expanded);
  };
  const onContextMenu = (event: MouseEvent) => {
    if (row.kind !== 'device') return;
    event.preventDefault();
    onActivate(row.key);
    onSelect(row.device.id);
    onMenu(row.device.id, { x: event.clientX, y: event.clientY });
  };
  const onTwisty = (event: MouseEvent) => {
    event.stopPropagation();
    onActivate(row.key);
    onExpand(row.key, !row.expanded);
  };
  const style: CSSProperties & Record<'--guides', string> = {
    transform: `translateY(${top}px)`,
    paddingLeft: 6 + (row.level - 1) * INDENT,
    '--guides': `${(row.level - 2) * INDENT}px`,
  };
  const classes = ['device-row', `device-row-${row.kind}`];
  if (active) classes.push('is-active');
  if (selected) classes.push('is-selected');
  if (row.kind === 'device' && !row.matched) classes.push('is-context');
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={row.kind === 'device' ? selected : undefined}
      className={classes.join(' ')}
      style={style}
      onClick={onClick}
      onContextMenu={onContextMenu}
    >
      <span className={`twisty${row.expanded ? ' is-open' : ''}`} onClick={row.expandable ? onTwisty : undefined}>
        {row.expandable && <Icon name="chevron" />}
      </span>
      {row.kind === 'bus' ? (
        <>
          <span className="bus-label">{busLabel(row.bus)}</span>
          <span className="bus-count">
            {row.matchCount === row.deviceCount
              ? row.deviceCount.toLocaleString('en')
              : `${row.matchCount.toLocaleString('en')} of ${row.deviceCount.toLocaleString('en')}`}
          </span>
        </>
      ) : (
        <DeviceSummary device={row.device} />
      )}
    </div>
  );
});
