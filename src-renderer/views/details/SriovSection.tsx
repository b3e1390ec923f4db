// SR-IOV: a PF's virtual functions, or the PF a VF belongs to.
import type { Device, DeviceId } from '../../../src-shared/model';
import { DeviceLink } from '../../components/DeviceLink';
import { Facts } from '../../components/Facts';
import { Section } from '../../components/Section';
import { sameBusId } from '../../model/device-index';

interface SriovSectionProps {
  readonly device: Device;
  readonly byId: ReadonlyMap<DeviceId, Device>;
  readonly onSelect: (id: DeviceId) => void;
}

export function SriovSection({ device, byId, onSelect }: SriovSectionProps) {
  const physfn = device.pci?.physfn;
  if (physfn) {
    const id = sameBusId(device, physfn);
    return (
      <Section title="SR-IOV">
        <Facts facts={[{ label: 'Virtual function of', value: <DeviceLink id={id} device={byId.get(id) ?? null} onSelect={onSelect} withDriver /> }]} />
      </Section>
    );
  }
  const sriov = device.pci?.sriov;
  if (!sriov) return null;
  return (
    <Section title="SR-IOV" aside={`${sriov.numVfs} of ${sriov.totalVfs} VFs enabled`}>
      <Facts
        facts={[
          { label: 'VFs', value: `${sriov.numVfs} enabled, up to ${sriov.totalVfs}` },
          sriov.vfDevice ? { label: 'VF device ID', value: <code>{sriov.vfDevice}</code> } : null,
          sriov.driversAutoprobe === null
            ? null
            : { label: 'VF autoprobe', value: sriov.driversAutoprobe ? 'on: new VFs get a driver at once' : 'off: new VFs stay unbound' },
        ]}
      />
      {sriov.vfs.length > 0 ? (
        <ul className="member-list" aria-label="Virtual functions">
          {sriov.vfs.map((name) => {
            const id = sameBusId(device, name);
            return (
              <li key={name}>
                <DeviceLink id={id} device={byId.get(id) ?? null} onSelect={onSelect} withDriver />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">No VFs are enabled.</p>
      )}
    </Section>
  );
}
