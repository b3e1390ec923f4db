// The names the rest of the system uses for this device (enp3s0, nvme0n1, card0).
import type { Device } from '../../../src-shared/model';
import { Section } from '../../components/Section';

export function ClassDevicesSection({ device }: { readonly device: Device }) {
  if (device.classDevices.length === 0) return null;
  return (
    <Section title="Class devices">
      <ul className="chips" aria-label="Class devices">
        {device.classDevices.map((c) => (
          <li key={`${c.subsystem}/${c.name}`} className="chip">
            <span className="chip-kind">{c.subsystem}</span>
            <code>{c.name}</code>
          </li>
        ))}
      </ul>
    </Section>
  );
}
