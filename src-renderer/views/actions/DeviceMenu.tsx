// The context menu of a device row: the same actions as the details panel,
// in the same order, with the same reasons for those that do not apply.
import type { Device } from '../../../src-shared/model';
import { Menu } from '../../components/Menu';
import type { MenuItem, MenuPoint } from '../../components/Menu';
import { ACTION_GROUPS, KEEP_LABEL } from '../../model/device-actions';
import type { ActionId, DeviceActions } from '../../model/device-actions';

interface DeviceMenuProps {
  readonly device: Device;
  readonly actions: DeviceActions;
  readonly at: MenuPoint;
  readonly onAction: (id: ActionId) => void;
  readonly onKeep: (keep: boolean) => void;
  readonly onClose: () => void;
}

/** A separator before each group but the first, and before "Keep after reboot". */
const GROUP_STARTS: ReadonlySet<string> = new Set([...ACTION_GROUPS.slice(1).map((group) => group[0] ?? ''), 'keep']);

function menuItems(actions: DeviceActions): MenuItem[] {
  if (actions.readOnly) return [{ id: 'none', label: 'No changes here', unavailable: actions.readOnly }];
  return [
    ...actions.actions.map((action) => ({ id: action.id, label: action.label, unavailable: action.unavailable })),
    { id: 'keep', label: KEEP_LABEL, unavailable: actions.keep.unavailable, checked: actions.keep.checked },
  ].map((item) => ({ ...item, separatorBefore: GROUP_STARTS.has(item.id) }));
}

export function DeviceMenu({ device, actions, at, onAction, onKeep, onClose }: DeviceMenuProps) {
  const choose = (id: string) => {
    if (id === 'keep') onKeep(!actions.keep.checked);
    else {
      const action = actions.actions.find((a) => a.id === id);
      if (action) onAction(action.id);
    }
  };
  return <Menu label={`Actions for ${device.name}`} at={at} items={menuItems(actions)} onChoose={choose} onClose={onClose} />;
}
