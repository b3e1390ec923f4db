// The flat device list: one row per device, sortable columns. A grid whose
// focus stays on the grid element, the cursor row named by
// aria-activedescendant, for the same reason as the tree (virtualized rows).
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { Device, DeviceId } from '../../../src-shared/model';
import type { MenuPoint } from '../../components/Menu';
import { pointUnder } from '../../components/menu-point';
import { useVirtualRows } from '../../components/use-virtual-rows';
import type { SortColumn, SortOrder } from '../../model/device-sort';
import { isMenuKey, listMove } from '../../model/list-navigation';
import { DeviceTableRow } from './DeviceTableRow';
import './device-rows.css';
import './device-table.css';

interface DeviceTableProps {
  readonly devices: readonly Device[];
  readonly selectedId: DeviceId | null;
  readonly activeKey: string | null;
  readonly sort: SortOrder;
  readonly onSort: (order: SortOrder) => void;
  readonly onActivate: (key: string) => void;
  readonly onSelect: (id: DeviceId) => void;
  readonly onMenu: (id: DeviceId, at: MenuPoint) => void;
}

const ROW_HEIGHT = 26;

const COLUMNS: readonly { readonly id: SortColumn; readonly label: string }[] = [
  { id: 'address', label: 'Address' },
  { id: 'description', label: 'Device' },
  { id: 'class', label: 'Class' },
  { id: 'driver', label: 'Driver' },
  { id: 'group', label: 'Group' },
];

export function DeviceTable({ devices, selectedId, activeKey, sort, onSort, onActivate, onSelect, onMenu }: DeviceTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const virtual = useVirtualRows({
    count: devices.length,
    scrollRef,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => devices[index]?.id ?? index,
  });
  const found = activeKey === null ? -1 : devices.findIndex((device) => device.id === activeKey);
  const activeIndex = found >= 0 ? found : devices.length > 0 ? 0 : -1;

  useEffect(() => {
    if (found >= 0) virtual.scrollToIndex(found, { align: 'auto' });
  }, [found, virtual]);

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    const device = devices[activeIndex];
    if (!device) return;
    if (isMenuKey(event)) {
      event.preventDefault();
      const at = pointUnder(document.getElementById(rowId(activeIndex)));
      if (at) {
        onSelect(device.id);
        onMenu(device.id, at);
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(device.id);
      return;
    }
    const pageSize = Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT);
    const next = listMove(event.key, activeIndex, devices.length, pageSize);
    const target = next === null ? undefined : devices[next];
    if (!target) return;
    event.preventDefault();
    onActivate(target.id);
  };

  const sortBy = (column: SortColumn) =>
    onSort({
      column,
      direction: sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending',
    });

  return (
    <div
      className="device-table"
      role="grid"
      aria-label="Devices"
      aria-rowcount={devices.length + 1}
      aria-colcount={COLUMNS.length}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="device-table-head">
        <div role="row" aria-rowindex={1} className="device-table-columns">
          {COLUMNS.map((column) => (
            <div
              key={column.id}
              role="columnheader"
              className={`cell cell-${column.id}`}
              aria-sort={sort.column === column.id ? sort.direction : 'none'}
            >
              <button type="button" className="column-sort" onClick={() => sortBy(column.id)}>
                {column.label}
                {sort.column === column.id && <span aria-hidden="true">{sort.direction === 'ascending' ? ' ↑' : ' ↓'}</span>}
              </button>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="device-rows device-table-body">
        <div className="device-rows-inner" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const device = devices[item.index];
            if (!device) return null;
            return (
              <DeviceTableRow
                key={item.key}
                id={rowId(item.index)}
                rowIndex={item.index + 2}
                device={device}
                top={item.start}
                active={item.index === activeIndex}
                selected={device.id === selectedId}
                onActivate={onActivate}
                onSelect={onSelect}
                onMenu={onMenu}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
