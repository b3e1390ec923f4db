// How plans and applied changes are named on screen: why each device is in
// a plan, and how an applied change ended.
import type { DeviceRole, OutcomeStatus } from '../../src-shared/plan';

export const ROLE_LABELS: Readonly<Record<DeviceRole, string>> = {
  target: 'Chosen',
  'group-member': 'Same IOMMU group',
  'slot-companion': 'Same card',
  stays: 'Stays',
};

export const ROLE_DESCRIPTIONS: Readonly<Record<DeviceRole, string>> = {
  target: 'A device you chose',
  'group-member': 'Shares the IOMMU group of a device you chose, so it must move too',
  'slot-companion': 'Another function of the same card (a GPU\'s audio function)',
  stays: 'In the group, but stays as it is',
};

/** A group member moving with the chosen device is what people most often miss: it stands out. */
export const ROLE_TONES: Readonly<Record<DeviceRole, 'accent' | 'warn' | 'muted'>> = {
  target: 'accent',
  'group-member': 'warn',
  'slot-companion': 'accent',
  stays: 'muted',
};

/** Applied changes in the history end one of these ways (refused and cancelled ones are not recorded). */
export const STATUS_LABELS: Readonly<Record<OutcomeStatus, string>> = {
  done: 'Applied',
  'rolled-back': 'Rolled back',
  'rollback-failed': 'Rollback failed',
  refused: 'Refused',
  cancelled: 'Cancelled',
};

export const STATUS_TONES: Readonly<Record<OutcomeStatus, 'ok' | 'warn' | 'danger' | 'muted'>> = {
  done: 'ok',
  'rolled-back': 'warn',
  'rollback-failed': 'danger',
  refused: 'muted',
  cancelled: 'muted',
};
