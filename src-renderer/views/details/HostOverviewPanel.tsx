// The details panel before a device is chosen: a short report on the host
// with the devices people usually look for first, and the keys to get around.
import { useMemo } from 'react';
import type { Device, DeviceId, Snapshot } from '../../../src-shared/model';
import { DeviceLink } from '../../components/DeviceLink';
import { Facts } from '../../components/Facts';
import { Section } from '../../components/Section';
import { busLabel } from '../../model/device-labels';
import { hostOverview } from '../../model/host-overview';

interface HostOverviewPanelProps {
  readonly snapshot: Snapshot;
  readonly onSelect: (id: DeviceId) => void;
  /** Show these devices in the device list. */
  readonly onFilter: (query: string) => void;
  readonly onShowGroups: () => void;
}

const SHOWN = 6;

function DeviceGroup({ title, devices, query, empty, onSelect, onFilter }: {
  readonly title: string;
  readonly devices: readonly Device[];
  readonly query: string;
  readonly empty: string;
  readonly onSelect: (id: DeviceId) => void;
  readonly onFilter: (query: string) => void;
}) {
  return (
    <Section title={title} aside={devices.length > 0 ? String(devices.length) : null}>
      {devices.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="member-list" aria-label={title}>
          {devices.slice(0, SHOWN).map((device) => (
            <li key={device.id}><DeviceLink id={device.id} device={device} onSelect={onSelect} withDriver /></li>
          ))}
        </ul>
      )}
      {devices.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => onFilter(query)}>
          Show all {devices.length} in the device list
        </button>
      )}
    </Section>
  );
}

export function HostOverviewPanel({ snapshot, onSelect, onFilter, onShowGroups }: HostOverviewPanelProps) {
  const overview = useMemo(() => hostOverview(snapshot), [snapshot]);
  return (
    <div className="details-scroll">
      <div className="details-header">
        <h2 className="details-title">Host overview</h2>
        <p className="details-vendor">Choose a device to see its driver and the drivers that could take it, with why.</p>
      </div>
      <Section title="At a glance">
        <Facts
          facts={[
            {
              label: 'Buses',
              value: (
                <ul className="chips" aria-label="Devices per bus">
                  {overview.buses.map(({ bus, count }) => (
                    <li key={bus}>
                      <button type="button" className="chip chip-button" title={`Show the ${busLabel(bus)} devices`} onClick={() => onFilter(`bus:${bus}`)}>
                        {busLabel(bus)}<span className="chip-kind">{count}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              label: 'IOMMU',
              value: overview.groups === 0 ? (
                <span>off: no groups. <button type="button" className="link-button" onClick={onShowGroups}>How to turn it on</button></span>
              ) : (
                <span>{overview.groups} groups, {overview.sharedGroups} shared by several devices</span>
              ),
            },
          ]}
        />
      </Section>
      <DeviceGroup title="Graphics" devices={overview.displays} query="class:03" empty="No display controller on PCI." onSelect={onSelect} onFilter={onFilter} />
      <DeviceGroup title="On VFIO" devices={overview.onVfio} query="driver:vfio" empty="No device is bound to a VFIO driver." onSelect={onSelect} onFilter={onFilter} />
      <DeviceGroup title="PCI devices without a driver" devices={overview.unboundPci} query="bus:pci driver:none" empty="Every PCI function has a driver." onSelect={onSelect} onFilter={onFilter} />
      <p className="keys faint">
        <kbd>/</kbd> filter · <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>→</kbd> <kbd>←</kbd> open and close · <kbd>Enter</kbd> select · <kbd>F5</kbd> refresh
      </p>
    </div>
  );
}
