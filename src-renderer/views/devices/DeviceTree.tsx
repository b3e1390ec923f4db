// The device tree: buses, then devices under their parents. Virtualized, so
// focus stays on the tree itself and aria-activedescendant names the row the
// cursor is on (a row scrolled out of view does not exist in the DOM).
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { DeviceId } from '../../../src-shared/model';
import type { MenuPoint } from '../../components/Menu';
import { pointUnder } from '../../components/menu-point';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { isMenuKey, treeMove } from '../../model/list-navigation';
import type { TreeRow } from '../../model/tree-rows';
import { DeviceTreeRow } from './DeviceTreeRow';
import './device-rows.css';

interface DeviceTreeProps {
  readonly rows: readonly TreeRow[];
  readonly selectedId: DeviceId | null;
  /** Key of the row under the keyboard cursor. */
  readonly activeKey: string | null;
  readonly onActivate: (key: string) => void;
  readonly onSelect: (id: DeviceId) => void;
  readonly onExpand: (key: string, expanded: boolean) => void;
  readonly onMenu: (id: DeviceId, at: MenuPoint) => void;
}

const ROW_HEIGHT = 26;

export function DeviceTree({ rows, selectedId, activeKey, onActivate, onSelect, onExpand, onMenu }: DeviceTreeProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const virtual = useVirtualRows({
    count: rows.length,
    scrollRef,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
  });
  const found = activeKey === null ? -1 : rows.findIndex((row) => row.key === activeKey);
  const activeIndex = found >= 0 ? found : rows.length > 0 ? 0 : -1;

  useEffect(() => {
    if (found >= 0) virtual.scrollToIndex(found, { align: 'auto' });
  }, [found, virtual]);

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[activeIndex];
    if (!row) return;
    if (isMenuKey(event)) {
      event.preventDefault();
      const at = pointUnder(document.getElementById(rowId(activeIndex)));
      if (row.kind === 'device' && at) {
        onSelect(row.device.id);
        onMenu(row.device.id, at);
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (row.kind === 'device') onSelect(row.device.id);
      else onExpand(row.key, !row.expanded);
      return;
    }
    const pageSize = Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT);
    const move = treeMove(event.key, rows, activeIndex, pageSize);
    if (!move) return;
    event.preventDefault();
    if (move.type === 'expand') onExpand(move.key, move.expanded);
    else {
      const target = rows[move.index];
      if (target) onActivate(target.key);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="device-rows"
      role="tree"
      aria-label="Devices"
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="device-rows-inner" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <DeviceTreeRow
              key={item.key}
              id={rowId(item.index)}
              row={row}
              top={item.start}
              active={item.index === activeIndex}
              selected={row.kind === 'device' && row.device.id === selectedId}
              onActivate={onActivate}
              onSelect={onSelect}
              onExpand={onExpand}
              onMenu={onMenu}
            />
          );
        })}
      </div>
    </div>
  );
}
