// The top of the details: what the device is, where it sits, how it is bound.
import type { Device } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { CopyButton } from '../../components/CopyButton';
import { DriverBadge } from '../../components/DriverBadge';
import { busLabel, className, deviceTitle, productName, vendorName } from '../../model/device-labels';

export function DetailsHeader({ device }: { readonly device: Device }) {
  const title = productName(device) ?? deviceTitle(device);
  const vendor = vendorName(device);
  const klass = className(device);
  const copy = <CopyButton value={device.name} label="Copy address" />;
  return (
    <div className="details-header">
      {title ? (
        <>
          <h2 className="details-title">{title}</h2>
          {vendor && productName(device) && <p className="details-vendor">{vendor}</p>}
          <div className="details-address"><code>{device.name}</code>{copy}</div>
        </>
      ) : (
        // Nothing names the device but its own name: that is the title.
        <div className="details-address"><h2 className="details-title mono">{device.name}</h2>{copy}</div>
      )}
      <div className="details-badges">
        <Badge tone="neutral" title={`Bus: ${device.bus}`}>{busLabel(device.bus)}</Badge>
        {klass && <Badge tone="neutral">{klass}</Badge>}
        <DriverBadge device={device} />
        {device.driverOverride && <Badge tone="warn" title="driver_override is set">override: {device.driverOverride}</Badge>}
        {device.pci?.physfn && <Badge tone="accent">SR-IOV virtual function</Badge>}
        {device.pci?.sriov && <Badge tone="accent">SR-IOV physical function</Badge>}
        {device.pci?.bootVga && <Badge tone="warn" title="The firmware booted with this display adapter">boot display</Badge>}
        {device.pci?.isBridge && <Badge tone="neutral">bridge</Badge>}
      </div>
    </div>
  );
}
