// The driver bound now, where it comes from, and the override that pins it.
import type { Device } from '../../../src-shared/model';
import { DriverBadge } from '../../components/DriverBadge';
import { Facts } from '../../components/Facts';
import { Section } from '../../components/Section';

function moduleText(device: Device): string {
  if (!device.driver) return '—';
  return device.driverModule ? `module ${device.driverModule}` : 'built into the kernel';
}

export function DriverSection({ device }: { readonly device: Device }) {
  return (
    <Section title="Driver">
      <Facts
        facts={[
          {
            label: 'Bound to',
            value: device.driver ? (
              <span className="driver-line"><DriverBadge device={device} /><span className="muted">{moduleText(device)}</span></span>
            ) : (
              <span className="muted">no driver: the device is unbound</span>
            ),
          },
          {
            label: 'driver_override',
            value: !device.supportsOverride ? (
              <span className="muted">not offered by the {device.bus} bus</span>
            ) : device.driverOverride ? (
              <span><code>{device.driverOverride}</code> <span className="muted">: only this driver may bind</span></span>
            ) : (
              <span className="muted">not set</span>
            ),
          },
        ]}
      />
    </Section>
  );
}
