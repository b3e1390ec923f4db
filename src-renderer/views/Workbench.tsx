// The main window once the engine answers: the Devices, IOMMU and History
// views beside the details panel, and the change dialogs over them. It wires
// the state hooks together; its own state is only the view shown, the split,
// the filter text (the overview sets it too), and which menu or driver chooser is open.
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { BinderyApi } from '../../src-shared/api';
import type { Device, DeviceId, Snapshot } from '../../src-shared/model';
import { ErrorNotice } from '../components/ErrorNotice';
import type { MenuPoint } from '../components/Menu';
import { Splitter } from '../components/Splitter';
import { Tabs, tabPanelProps } from '../components/Tabs';
import { deviceActions, goalOf, needsDriver } from '../model/device-actions';
import type { ActionId } from '../model/device-actions';
import { indexSnapshot } from '../model/device-index';
import type { ChooserMode } from '../model/driver-choices';
import { ancestorKeys } from '../model/tree-rows';
import { useCandidates } from '../state/use-candidates';
import { useChangeFlow } from '../state/use-change-flow';
import { useHistory } from '../state/use-history';
import { useInterrupted } from '../state/use-interrupted';
import { usePersistence } from '../state/use-persistence';
import { useSelection } from '../state/use-selection';
import { useShortcuts } from '../state/use-shortcuts';
import { useTreeExpansion } from '../state/use-tree-expansion';
import { DeviceActionsBar } from './actions/DeviceActionsBar';
import { DeviceMenu } from './actions/DeviceMenu';
import { DriverChooser } from './actions/DriverChooser';
import { ChangeDialog } from './changes/ChangeDialog';
import { DeviceDetails } from './details/DeviceDetails';
import { DevicesView } from './devices/DevicesView';
import { HistoryView } from './history/HistoryView';
import { IommuView } from './iommu/IommuView';
import { InterruptedBanner } from './status/InterruptedBanner';

type View = 'devices' | 'iommu' | 'history';

interface WorkbenchProps {
  readonly api: BinderyApi;
  readonly snapshot: Snapshot;
  readonly onRefresh: () => void;
}

interface OpenMenu {
  readonly deviceId: DeviceId;
  readonly at: MenuPoint;
}

interface OpenChooser {
  readonly deviceId: DeviceId;
  readonly mode: ChooserMode;
}

export function Workbench({ api, snapshot, onRefresh }: WorkbenchProps) {
  const [view, setView] = useState<View>('devices');
  const [split, setSplit] = useState(52);
  const [query, setQuery] = useState('');
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [chooser, setChooser] = useState<OpenChooser | null>(null);
  const appliedQuery = useDeferredValue(query);
  const filterRef = useRef<HTMLInputElement>(null);

  const index = useMemo(() => indexSnapshot(snapshot), [snapshot]);
  const { selectedId, select } = useSelection(index.byId);
  const expansion = useTreeExpansion(appliedQuery);
  const candidates = useCandidates(api, selectedId, snapshot.takenAt);
  const changes = useChangeFlow(api);
  const history = useHistory(api, `${snapshot.takenAt}\n${changes.ended}`);
  const persistence = usePersistence(api, snapshot.takenAt);
  const { interrupted, error: journalError } = useInterrupted(api, `${snapshot.host.id}\n${changes.ended}`);

  const { reveal } = expansion;
  const open = useCallback(
    (id: DeviceId) => {
      select(id);
      const device = index.byId.get(id);
      if (device) reveal(ancestorKeys(device, index.byId));
    },
    [select, reveal, index.byId],
  );

  const { plan } = changes;
  const runAction = useCallback(
    (device: Device, id: ActionId) => {
      if (needsDriver(id)) {
        setChooser({ deviceId: device.id, mode: id });
        return;
      }
      const goal = goalOf(id, device);
      if (goal) plan({ kind: 'goal', goal });
    },
    [plan],
  );
  const openMenu = useCallback((id: DeviceId, at: MenuPoint) => setMenu({ deviceId: id, at }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const { setKeep } = persistence;

  useShortcuts({
    focusFilter: () => {
      // Show the panel now, so the keys typed right after land in the filter.
      flushSync(() => setView('devices'));
      filterRef.current?.select();
    },
    refresh: onRefresh,
  });

  const groups = snapshot.iommuGroups.length;
  const menuDevice = menu ? index.byId.get(menu.deviceId) : undefined;
  const chooserDevice = chooser ? index.byId.get(chooser.deviceId) : undefined;
  return (
    <>
      {journalError && <div className="banner"><ErrorNotice error={journalError} role="alert" /></div>}
      {interrupted && (
        <InterruptedBanner interrupted={interrupted} readOnly={snapshot.host.readOnly} onResolve={(action) => changes.resolve(interrupted, action)} />
      )}
      <div className="workbench">
        <div className="primary" style={{ width: `${split}%` }}>
          <Tabs
            label="Views"
            active={view}
            onChange={setView}
            tabs={[
              { id: 'devices', label: 'Devices', count: snapshot.devices.length },
              { id: 'iommu', label: 'IOMMU groups', count: groups, alert: groups === 0 },
              { id: 'history', label: 'History', count: history.status === 'ready' ? history.entries.length : undefined },
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
              onMenu={openMenu}
            />
          </div>
          <div className="primary-panel" {...tabPanelProps('iommu', view === 'iommu')}>
            <IommuView snapshot={snapshot} index={index} selectedId={selectedId} onSelect={open} visible={view === 'iommu'} />
          </div>
          <div className="primary-panel" {...tabPanelProps('history', view === 'history')}>
            <HistoryView
              host={snapshot.host}
              history={history}
              persistence={persistence}
              byId={index.byId}
              onSelect={open}
              onUndoLast={() => plan({ kind: 'undo-last' })}
            />
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
          actions={(device) => (
            <DeviceActionsBar
              deviceId={device.id}
              actions={deviceActions(device, snapshot.host, persistence.state)}
              onAction={(id) => runAction(device, id)}
              keepBusy={persistence.busy === device.id}
              keepError={persistence.failed === device.id ? persistence.error : null}
              onKeep={(keep) => setKeep(device.id, keep)}
            />
          )}
        />
      </div>
      {menu && menuDevice && (
        <DeviceMenu
          device={menuDevice}
          actions={deviceActions(menuDevice, snapshot.host, persistence.state)}
          at={menu.at}
          onAction={(id) => runAction(menuDevice, id)}
          onKeep={(keep) => setKeep(menuDevice.id, keep)}
          onClose={closeMenu}
        />
      )}
      {chooser && chooserDevice && (
        <DriverChooser
          key={`${chooser.deviceId}\n${chooser.mode}`}
          api={api}
          device={chooserDevice}
          snapshot={snapshot}
          mode={chooser.mode}
          onCancel={() => setChooser(null)}
          onChoose={(driver) => {
            setChooser(null);
            plan({ kind: 'goal', goal: { kind: chooser.mode, device: chooserDevice.id, driver } });
          }}
        />
      )}
      <ChangeDialog controls={changes} host={snapshot.host} />
    </>
  );
}
