// The Devices tab: the filter, the tree/list switch, and the devices.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { DeviceId, Snapshot } from '../../../src-shared/model';
import { EmptyState } from '../../components/EmptyState';
import type { MenuPoint } from '../../components/Menu';
import { filterDevices, searchIndex } from '../../model/device-filter';
import { sortDevices } from '../../model/device-sort';
import type { SortOrder } from '../../model/device-sort';
import { buildDeviceTree } from '../../model/device-tree';
import { treeRows } from '../../model/tree-rows';
import type { TreeExpansion } from '../../state/use-tree-expansion';
import { DeviceTable } from './DeviceTable';
import { DeviceTree } from './DeviceTree';
import { FilterBox } from './FilterBox';
import { ViewModeSwitch } from './ViewModeSwitch';
import type { ViewMode } from './ViewModeSwitch';
import './devices-view.css';

interface DevicesViewProps {
  readonly snapshot: Snapshot;
  readonly query: string;
  /** The query the results are computed for; trails `query` while typing fast. */
  readonly appliedQuery: string;
  readonly onQuery: (query: string) => void;
  readonly filterRef: RefObject<HTMLInputElement | null>;
  readonly expansion: TreeExpansion;
  readonly selectedId: DeviceId | null;
  readonly onSelect: (id: DeviceId) => void;
  /** Open a device's context menu at a point (right-click, or the menu key on the cursor row). */
  readonly onMenu: (id: DeviceId, at: MenuPoint) => void;
}

interface Cursor {
  readonly key: string | null;
  /** The selection the cursor was moved under; a new selection moves the cursor to it. */
  readonly forSelection: DeviceId | null;
}

export function DevicesView(props: DevicesViewProps) {
  const { snapshot, query, appliedQuery, onQuery, filterRef, expansion, selectedId, onSelect, onMenu } = props;
  const [mode, setMode] = useState<ViewMode>('tree');
  const [sort, setSort] = useState<SortOrder>({ column: 'address', direction: 'ascending' });
  const [cursor, setCursor] = useState<Cursor>({ key: null, forSelection: null });
  const resultsRef = useRef<HTMLDivElement>(null);

  const devices = snapshot.devices;
  const index = useMemo(() => searchIndex(devices), [devices]);
  const tree = useMemo(() => buildDeviceTree(devices), [devices]);
  const matches = useMemo(() => filterDevices(devices, index, appliedQuery), [devices, index, appliedQuery]);
  const rows = useMemo(
    () => (mode === 'tree' ? treeRows(tree, { matches, isExpanded: expansion.isExpanded }) : []),
    [mode, tree, matches, expansion.isExpanded],
  );
  const listed = useMemo(
    () => (mode === 'list' ? sortDevices(matches ? devices.filter((d) => matches.has(d.id)) : devices, sort) : []),
    [mode, devices, matches, sort],
  );

  const activeKey = cursor.forSelection === selectedId && cursor.key !== null ? cursor.key : selectedId;
  const activate = useCallback((key: string) => setCursor({ key, forSelection: selectedId }), [selectedId]);
  const leaveFilter = (open: boolean) => {
    // Enter can come before the deferred results catch up with fast typing:
    // the first match must be the first match of the query as typed.
    const current = query === appliedQuery ? matches : filterDevices(devices, index, query);
    const first = mode === 'tree'
      ? treeRows(tree, { matches: current, isExpanded: expansion.isExpanded }).find((row) => row.kind === 'device' && row.matched)?.key
      : sortDevices(current ? devices.filter((d) => current.has(d.id)) : devices, sort)[0]?.id;
    if (first) {
      setCursor({ key: first, forSelection: open ? first : selectedId });
      if (open) onSelect(first);
    }
    resultsRef.current?.querySelector<HTMLElement>('[role="tree"], [role="grid"]')?.focus();
  };

  const total = devices.length;
  const shown = matches ? matches.size : total;
  return (
    <div className="devices-view">
      <div className="devices-toolbar">
        <FilterBox value={query} onChange={onQuery} onLeave={leaveFilter} inputRef={filterRef} />
        <ViewModeSwitch mode={mode} onChange={setMode} />
      </div>
      <p className="devices-count" role="status">
        {matches
          ? `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} devices match`
          : `${total.toLocaleString('en')} devices on ${snapshot.buses.length} buses`}
      </p>
      <div className="devices-results" ref={resultsRef}>
        {total === 0 ? (
          <EmptyState icon="info" title="No devices found">
            <p>Bindery read <code>{snapshot.host.root === '/' ? '/sys/bus' : `${snapshot.host.root}/sys/bus`}</code> and found no devices on any bus.</p>
          </EmptyState>
        ) : shown === 0 ? (
          <EmptyState icon="search" title={`No devices match “${appliedQuery.trim()}”`}>
            <p>Every word must match. Try fewer words, or search by address, driver, vendor or a name such as <code>enp3s0</code>.</p>
            <button type="button" className="button" onClick={() => onQuery('')}>Clear filter</button>
          </EmptyState>
        ) : mode === 'tree' ? (
          <DeviceTree
            rows={rows}
            selectedId={selectedId}
            activeKey={activeKey}
            onActivate={activate}
            onSelect={onSelect}
            onExpand={expansion.setExpanded}
            onMenu={onMenu}
          />
        ) : (
          <DeviceTable
            devices={listed}
            selectedId={selectedId}
            activeKey={activeKey}
            sort={sort}
            onSort={setSort}
            onActivate={activate}
            onSelect={onSelect}
            onMenu={onMenu}
          />
        )}
      </div>
    </div>
  );
}
