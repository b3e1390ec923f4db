// One device in the flat list.
import { memo } from 'react';
import type { Device, DeviceId } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { DriverBadge } from '../../components/DriverBadge';
import type { MenuPoint } from '../../components/Menu';
import { rowClassNames } from '../../model/class-device-names';
import { className, deviceTitle } from '../../model/device-labels';

interface DeviceTableRowProps {
  readonly id: string;
  /** 1-based among all rows, the header being row 1. */
  readonly rowIndex: number;
  readonly device: Device;
  readonly top: number;
  readonly active: boolean;
  readonly selected: boolean;
  readonly onActivate: (key: string) => void;
  readonly onSelect: (id: DeviceId) => void;
  readonly onMenu: (id: DeviceId, at: MenuPoint) => void;
}

export const DeviceTableRow = memo(function DeviceTableRow(props: DeviceTableRowProps) {
  const { id, rowIndex, device, top, active, selected, onActivate, onSelect, onMenu } = props;
  const title = deviceTitle(device);
  const names = rowClassNames(device).join(', ');
  const classes = ['device-row', 'device-table-columns'];
  if (active) classes.push('is-active');
  if (selected) classes.push('is-selected');
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => {
        onActivate(device.id);
        onSelect(device.id);
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        onActivate(device.id);
        onSelect(device.id);
        onMenu(device.id, { x: event.clientX, y: event.clientY });
      }}
    >
      <span role="gridcell" className="cell cell-address mono" title={device.name}>{device.name}</span>
      <span role="gridcell" className="cell cell-description">
        <span className="row-title">{title ?? <span className="faint">{device.bus} device</span>}</span>
        {device.pci?.physfn && <Badge tone="accent">VF</Badge>}
        {names && <span className="row-class-devices mono">{names}</span>}
      </span>
      <span role="gridcell" className="cell cell-class">{className(device) ?? <span className="faint">—</span>}</span>
      <span role="gridcell" className="cell cell-driver"><DriverBadge device={device} /></span>
      <span role="gridcell" className="cell cell-group mono">{device.iommuGroup ?? <span className="faint">—</span>}</span>
    </div>
  );
});
