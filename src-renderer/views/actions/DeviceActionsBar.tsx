// The changes the selected device offers, at the top of its details. Those
// that do not apply stay, disabled, saying why; a captured tree offers none
// and says so once.
import type { BinderyError } from '../../../src-shared/errors';
import type { DeviceId } from '../../../src-shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { ACTION_GROUPS } from '../../model/device-actions';
import type { ActionId, DeviceActions } from '../../model/device-actions';
import { deviceName } from '../../model/device-labels';
import { ActionButton } from './ActionButton';
import { KeepSwitch } from './KeepSwitch';
import './actions.css';

interface DeviceActionsBarProps {
  readonly deviceId: DeviceId;
  readonly actions: DeviceActions;
  readonly onAction: (id: ActionId) => void;
  readonly keepBusy: boolean;
  readonly keepError: BinderyError | null;
  readonly onKeep: (keep: boolean) => void;
}

export function DeviceActionsBar({ deviceId, actions, onAction, keepBusy, keepError, onKeep }: DeviceActionsBarProps) {
  if (actions.readOnly) {
    return (
      <p className="actions-readonly">
        <Icon name="lock" />
        <span>{actions.readOnly}</span>
      </p>
    );
  }
  return (
    <div className="device-actions" role="group" aria-label={`Actions for ${deviceName(deviceId)}`}>
      <div className="device-actions-buttons">
        {ACTION_GROUPS.map((group) => (
          <div key={group.join()} className="device-actions-group">
            {actions.actions.filter((action) => group.includes(action.id)).map((action) => (
              <ActionButton
                key={action.id}
                unavailable={action.unavailable}
                primary={group === ACTION_GROUPS[0] && action.unavailable === null}
                onClick={() => onAction(action.id)}
              >
                {action.label}
              </ActionButton>
            ))}
          </div>
        ))}
      </div>
      <KeepSwitch keep={actions.keep} busy={keepBusy} onChange={onKeep} />
      {keepError && <ErrorNotice error={keepError} role="alert" />}
    </div>
  );
}
