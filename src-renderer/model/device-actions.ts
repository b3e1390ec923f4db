// Which changes a device offers, and why the others do not apply. The details
// panel and the context menu show the same list; an action that does not
// apply stays in it, disabled, with its reason, so nothing vanishes unexplained.
import type { Device, HostInfo } from '../../src-shared/model';
import type { Goal, PersistenceState } from '../../src-shared/plan';
import { busLabel } from './device-labels';
import { isVfioDriver } from '../../src-shared/driver-kinds';

export type ActionId = 'assign-vfio' | 'return-to-host' | 'bind' | 'unbind' | 'set-override' | 'clear-override';

export interface DeviceAction {
  readonly id: ActionId;
  readonly label: string;
  /** Why it does not apply to this device; null when it does. */
  readonly unavailable: string | null;
}

/** "Keep after reboot": whether the device is kept, and whether that can change now. */
export interface KeepToggle {
  readonly checked: boolean;
  readonly unavailable: string | null;
  /** Which driver boot restores, when kept. */
  readonly note: string | null;
}

export interface DeviceActions {
  /** Why this host offers no action at all (a captured tree); null when it offers them. */
  readonly readOnly: string | null;
  readonly actions: readonly DeviceAction[];
  readonly keep: KeepToggle;
}

export const ACTION_LABELS: Readonly<Record<ActionId, string>> = {
  'assign-vfio': 'Assign to VFIO',
  'return-to-host': 'Return to host',
  bind: 'Bind to…',
  unbind: 'Unbind',
  'set-override': 'Set driver override…',
  'clear-override': 'Clear driver override',
};

export const KEEP_LABEL = 'Keep after reboot';

/** Shown together: VFIO, the driver, the override. */
export const ACTION_GROUPS: readonly (readonly ActionId[])[] = [
  ['assign-vfio', 'return-to-host'],
  ['bind', 'unbind'],
  ['set-override', 'clear-override'],
];

/** The actions that ask for a driver first (a dialog), rather than planning at once. */
export function needsDriver(id: ActionId): id is 'bind' | 'set-override' {
  return id === 'bind' || id === 'set-override';
}

/** On a VFIO driver, or unbound and held for one by its override: what "Return to host" gives back (the planner's rule). */
export function heldForVfio(device: Device): boolean {
  if (device.bus !== 'pci') return false;
  if (device.driver !== null) return isVfioDriver(device.driver);
  return device.driverOverride !== null && isVfioDriver(device.driverOverride);
}

function assignVfio(device: Device): string | null {
  if (device.bus !== 'pci' || !device.pci) return `VFIO takes PCI functions; this device is on the ${busLabel(device.bus)} bus.`;
  if (device.pci.isBridge) return 'A PCI bridge stays with the host; assign the devices behind it.';
  if (device.driver !== null && isVfioDriver(device.driver)) return `Already on ${device.driver}, a VFIO driver.`;
  return null;
}

function returnToHost(device: Device): string | null {
  if (heldForVfio(device)) return null;
  return device.driver ? `It is on ${device.driver}, not on a VFIO driver.` : 'It has no driver, and no VFIO override holds it.';
}

function noOverride(device: Device): string | null {
  return device.supportsOverride ? null : `The ${busLabel(device.bus)} bus has no driver_override.`;
}

function keepToggle(device: Device, persistence: PersistenceState | null): KeepToggle {
  const kept = persistence?.devices.find((entry) => entry.device === device.id) ?? null;
  const note = kept
    ? kept.driver === device.driver ? `Boot restores ${kept.driver}.` : `Boot restores ${kept.driver} (it is on ${device.driver ?? 'no driver'} now).`
    : null;
  const checked = kept !== null;
  const unavailable =
    device.bus !== 'pci' || !device.pci ? 'Bindery keeps PCI devices only.'
      : persistence === null ? 'Reading which devices are kept…'
        : !persistence.supported ? 'This host cannot keep anything across reboots.'
          : !checked && device.driver === null ? 'It has no driver to keep; bind it first.'
            : null;
  return { checked, unavailable, note };
}

export function deviceActions(device: Device, host: HostInfo, persistence: PersistenceState | null): DeviceActions {
  const reasons: Readonly<Record<ActionId, string | null>> = {
    'assign-vfio': assignVfio(device),
    'return-to-host': returnToHost(device),
    bind: null,
    unbind: device.driver === null ? 'It has no driver to unbind from.' : null,
    'set-override': noOverride(device),
    'clear-override': noOverride(device) ?? (device.driverOverride === null ? 'No driver override is set.' : null),
  };
  const actions = ACTION_GROUPS.flat().map((id) => ({ id, label: ACTION_LABELS[id], unavailable: reasons[id] }));
  return {
    readOnly: host.readOnly ? `${host.label} is a captured tree: it shows a machine as it was read, and nothing in it can be changed.` : null,
    actions,
    keep: keepToggle(device, persistence),
  };
}

/** The goal an action plans at once; null for those that ask for a driver first. */
export function goalOf(id: ActionId, device: Device): Goal | null {
  switch (id) {
    case 'assign-vfio':
      return { kind: 'assign-vfio', devices: [device.id] };
    case 'return-to-host':
      return { kind: 'return-to-host', devices: [device.id] };
    case 'unbind':
      return { kind: 'unbind', device: device.id };
    case 'clear-override':
      return { kind: 'clear-override', device: device.id };
    case 'bind':
    case 'set-override':
      return null;
  }
}
