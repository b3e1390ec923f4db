// What the change dialog is called while the plan is being made (or when
// making it failed): the plan's own summary is not known yet.
import type { DeviceId } from '../../src-shared/model';
import type { Goal } from '../../src-shared/plan';
import { deviceName } from './device-labels';

function names(ids: readonly DeviceId[]): string {
  return ids.map(deviceName).join(', ');
}

export function goalTitle(goal: Goal): string {
  switch (goal.kind) {
    case 'assign-vfio':
      return `Assign ${names(goal.devices)} to VFIO`;
    case 'return-to-host':
      return `Return ${names(goal.devices)} to the host`;
    case 'bind':
      return `Bind ${deviceName(goal.device)} to ${goal.driver}`;
    case 'unbind':
      return `Unbind ${deviceName(goal.device)}`;
    case 'set-override':
      return `Set the driver override of ${deviceName(goal.device)} to ${goal.driver}`;
    case 'clear-override':
      return `Clear the driver override of ${deviceName(goal.device)}`;
    case 'undo':
      return 'Undo a change';
  }
}
