// The details panel: everything known about the selected device, and what
// can be changed about it (the actions, given by the workbench).
import type { ReactNode } from 'react';
import type { Device, DeviceId, Snapshot } from '../../../src-shared/model';
import type { DeviceIndex } from '../../model/device-index';
import type { CandidatesState } from '../../state/use-candidates';
import { CandidatesSection } from './CandidatesSection';
import { ClassDevicesSection } from './ClassDevicesSection';
import { DetailsHeader } from './DetailsHeader';
import { DriverSection } from './DriverSection';
import { HostOverviewPanel } from './HostOverviewPanel';
import { IdentitySection } from './IdentitySection';
import { IommuSection } from './IommuSection';
import { MdevSection } from './MdevSection';
import { ResetSection } from './ResetSection';
import { SriovSection } from './SriovSection';
import './details.css';

interface DeviceDetailsProps {
  readonly snapshot: Snapshot;
  readonly index: DeviceIndex;
  readonly selectedId: DeviceId | null;
  readonly candidates: CandidatesState;
  readonly onSelect: (id: DeviceId) => void;
  readonly onShowGroups: () => void;
  readonly onFilter: (query: string) => void;
  readonly actions: (device: Device) => ReactNode;
}

export function DeviceDetails(props: DeviceDetailsProps) {
  const { snapshot, index, selectedId, candidates, onSelect, onShowGroups, onFilter, actions } = props;
  const device = selectedId ? index.byId.get(selectedId) : undefined;
  return (
    <section className="details" aria-label="Device details">
      {device ? (
        // Keyed by device so a new selection starts scrolled to the top.
        <div className="details-scroll" key={device.id}>
          <DetailsHeader device={device} />
          {actions(device)}
          <DriverSection device={device} />
          <CandidatesSection state={candidates} host={snapshot.host} />
          <IommuSection device={device} snapshot={snapshot} index={index} onSelect={onSelect} onShowGroups={onShowGroups} />
          <SriovSection device={device} byId={index.byId} onSelect={onSelect} />
          <ClassDevicesSection device={device} />
          <IdentitySection device={device} parent={device.parent ? (index.byId.get(device.parent) ?? null) : null} onSelect={onSelect} />
          <MdevSection device={device} />
          <ResetSection device={device} />
        </div>
      ) : (
        <HostOverviewPanel snapshot={snapshot} onSelect={onSelect} onFilter={onFilter} onShowGroups={onShowGroups} />
      )}
    </section>
  );
}
