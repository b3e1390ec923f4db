// Another device named in the details (parent, group member, VF, PF): a
// button that selects it, showing the address and what it is.
import type { Device, DeviceId } from '../../src-shared/model';
import { deviceTitle } from '../model/device-labels';
import { DriverBadge } from './DriverBadge';
import './device-link.css';

interface DeviceLinkProps {
  readonly id: DeviceId;
  /** null when the snapshot does not hold the device (then it cannot be opened). */
  readonly device: Device | null;
  readonly onSelect: (id: DeviceId) => void;
  /** Show the driver badge after the name. */
  readonly withDriver?: boolean;
  readonly current?: boolean;
}

export function DeviceLink({ id, device, onSelect, withDriver = false, current = false }: DeviceLinkProps) {
  if (!device) {
    return <span className="device-link device-link-missing"><span className="mono">{id}</span> <span className="faint">(not in this snapshot)</span></span>;
  }
  const title = deviceTitle(device);
  return (
    <span className="device-link-row">
      <button
        type="button"
        className="device-link"
        onClick={() => onSelect(id)}
        aria-current={current ? 'true' : undefined}
        disabled={current}
      >
        <span className="mono device-link-address">{device.name}</span>
        {title && <span className="device-link-title">{title}</span>}
      </button>
      {current && <span className="faint">this device</span>}
      {withDriver && <DriverBadge device={device} />}
    </span>
  );
}
