// The main window once the engine answers: the Devices and IOMMU views beside
// the details panel. It wires the state hooks together; its own state is only
// the view shown, the split, and the filter text (the overview sets it too).
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { BinderyApi } from '../../src-shared/api';
import type { DeviceId, Snapshot } from '../../src-shared/model';
import { Splitter } from '../components/Splitter';
import { Tabs, tabPanelProps } from '../components/Tabs';
import { indexSnapshot } from '../model/device-index';
import { ancestorKeys } from '../model/tree-rows';
import { useCandidates } from '../state/use-candidates';
import { useSelection } from '../state/use-selection';
import { useShortcuts } from '../state/use-shortcuts';
import { useTreeExpansion } from '../state/use-tree-expansion';
import { DeviceDetails } from './details/DeviceDetails';
import { DevicesView } from './devices/DevicesView';
import { IommuView } from './iommu/IommuView';

type View = 'devices' | 'iommu';

interface WorkbenchProps {
  readonly api: BinderyApi;
  readonly snapshot: Snapshot;
  readonly onRefresh: () => void;
}

export function Workbench({ api, snapshot, onRefresh }: WorkbenchProps) {
  const [view, setView] = useState<View>('devices');
  const [split, setSplit] = useState(52);
  const [query, setQuery] = useState('');
  const appliedQuery = useDeferredValue(query);
  const filterRef = useRef<HTMLInputElement>(null);

  const index = useMemo(() => indexSnapshot(snapshot), [snapshot]);
  const { selectedId, select } = useSelection(index.byId);
  const expansion = useTreeExpansion(appliedQuery);
  const candidates = useCandidates(api, selectedId, snapshot.takenAt);

  const { reveal } = expansion;
  const open = useCallback(
    (id: DeviceId) => {
      select(id);
      const device = index.byId.get(id);
      if (device) reveal(ancestorKeys(device, index.byId));
    },
    [select, reveal, index.byId],
  );

  useShortcuts({
    focusFilter: () => {
      // Show the panel now, so the keys typed right after land in the filter.
      flushSync(() => setView('devices'));
      filterRef.current?.select();
    },
    refresh: onRefresh,
  });

  const groups = snapshot.iommuGroups.length;
  return (
    <div className="workbench">
      <div className="primary" style={{ width: `${split}%` }}>
        <Tabs
          label="Views"
          active={view}
          onChange={setView}
          tabs={[
            { id: 'devices', label: 'Devices', count: snapshot.devices.length },
            { id: 'iommu', label: 'IOMMU groups', count: groups, alert: groups === 0 },
          ]}
        />
        <div className="primary-panel" {...tabPanelProps('devices', view === 'devices')}>
          <DevicesView
            snapshot={snapshot}
            query={query}
            appliedQuery={appliedQuery}
            onQuery={setQuery}
            filterRef={filterRef}
            expansion={expansion}
            selectedId={selectedId}
            onSelect={open}
          />
        </div>
        <div className="primary-panel" {...tabPanelProps('iommu', view === 'iommu')}>
          <IommuView snapshot={snapshot} index={index} selectedId={selectedId} onSelect={open} visible={view === 'iommu'} />
        </div>
      </div>
      <Splitter label="Resize the device list" percent={split} min={30} max={72} onChange={setSplit} />
      <DeviceDetails
        snapshot={snapshot}
        index={index}
        selectedId={selectedId}
        candidates={candidates}
        onSelect={open}
        onShowGroups={() => setView('iommu')}
        onFilter={(text) => {
          setQuery(text);
          setView('devices');
        }}
      />
    </div>
  );
}
