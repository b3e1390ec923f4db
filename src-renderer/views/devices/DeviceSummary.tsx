// What a device row says: address, what it is, what people call it, its driver.
import type { Device } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { DriverBadge } from '../../components/DriverBadge';
import { rowClassNames } from '../../model/class-device-names';
import { deviceTitle } from '../../model/device-labels';

export function DeviceSummary({ device }: { readonly device: Device }) {
  const title = deviceTitle(device);
  const names = rowClassNames(device);
  return (
    <>
      <span className="row-address mono">{device.name}</span>
      <span className="row-title">{title ?? <span className="faint">{device.bus} device</span>}</span>
      {device.pci?.physfn && <Badge tone="accent" title={`Virtual function of ${device.pci.physfn}`}>VF</Badge>}
      {device.pci?.sriov && device.pci.sriov.numVfs > 0 && (
        <Badge tone="accent" title="SR-IOV physical function: virtual functions enabled / supported">
          {`${device.pci.sriov.numVfs}/${device.pci.sriov.totalVfs} VFs`}
        </Badge>
      )}
      {names.length > 0 && (
        <span className="row-class-devices mono" title={names.join(', ')}>
          {names.length > 2 ? `${names.slice(0, 2).join(', ')} +${names.length - 2}` : names.join(', ')}
        </span>
      )}
      <DriverBadge device={device} />
    </>
  );
}
