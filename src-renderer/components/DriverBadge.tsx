// The driver a device is bound to, coloured by what that means for passthrough.
import type { Device } from '../../src-shared/model';
import { driverState } from '../model/device-labels';
import { Badge } from './Badge';

export function DriverBadge({ device }: { readonly device: Device }) {
  switch (driverState(device)) {
    case 'unbound':
      return <Badge tone="muted" title="No driver is bound to this device">no driver</Badge>;
    case 'vfio':
      return <Badge tone="vfio" title="Bound to a VFIO driver: ready to hand to a VM">{device.driver}</Badge>;
    case 'bound':
      return <Badge tone="neutral" title="The host driver bound to this device">{device.driver}</Badge>;
  }
}
