import { describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../../src-shared/model';
import type { PersistenceState } from '../../../../src-shared/plan';
import { deviceActions, goalOf, heldForVfio, needsDriver } from '../../../../src-renderer/model/device-actions';
import type { ActionId, DeviceActions } from '../../../../src-renderer/model/device-actions';
import { makeDevice, pciInfo } from './make-device';

const SIM: HostInfo = { id: 'sim:workstation', kind: 'sim', label: 'workstation (simulated)', root: '/', kernelRelease: '6.12', readOnly: false };
const TREE: HostInfo = { ...SIM, id: 'tree:/tmp/x', kind: 'linux', label: '/tmp/x', root: '/tmp/x', readOnly: true };
const NOTHING_KEPT: PersistenceState = { supported: true, devices: [], driverctl: [], problem: null };

const gpu = makeDevice({ name: '0000:05:00.0', driver: 'amdgpu' });
const onVfio = makeDevice({ name: '0000:05:00.0', driver: 'vfio-pci', driverOverride: 'vfio-pci' });

function why(actions: DeviceActions, id: ActionId): string | null {
  const action = actions.actions.find((a) => a.id === id);
  if (!action) throw new Error(`no ${id}`);
  return action.unavailable;
}

describe('deviceActions', () => {
  it('offers every action in a fixed order, so the panel and the menu never reshuffle', () => {
    expect(deviceActions(gpu, SIM, NOTHING_KEPT).actions.map((a) => a.label)).toEqual([
      'Assign to VFIO', 'Return to host', 'Bind to…', 'Unbind', 'Set driver override…', 'Clear driver override',
    ]);
  });

  it('a GPU on its host driver: assign, bind, unbind and override apply; returning and clearing say why not', () => {
    const actions = deviceActions(gpu, SIM, NOTHING_KEPT);
    expect(actions.readOnly).toBeNull();
    for (const id of ['assign-vfio', 'bind', 'unbind', 'set-override'] as const) expect(why(actions, id)).toBeNull();
    expect(why(actions, 'return-to-host')).toBe('It is on amdgpu, not on a VFIO driver.');
    expect(why(actions, 'clear-override')).toBe('No driver override is set.');
  });

  it('a device on VFIO can go back to the host, not to VFIO again', () => {
    const actions = deviceActions(onVfio, SIM, NOTHING_KEPT);
    expect(why(actions, 'assign-vfio')).toBe('Already on vfio-pci, a VFIO driver.');
    expect(why(actions, 'return-to-host')).toBeNull();
    expect(why(actions, 'clear-override')).toBeNull();
  });

  it('an unbound device held by a VFIO override counts as on VFIO; one without a driver cannot be unbound', () => {
    const held = makeDevice({ name: '0000:05:00.0', driver: null, driverOverride: 'vfio-pci' });
    expect(heldForVfio(held)).toBe(true);
    const actions = deviceActions(held, SIM, NOTHING_KEPT);
    expect(why(actions, 'return-to-host')).toBeNull();
    expect(why(actions, 'unbind')).toBe('It has no driver to unbind from.');
    expect(why(deviceActions(makeDevice({ name: '0000:00:08.0' }), SIM, NOTHING_KEPT), 'return-to-host'))
      .toBe('It has no driver, and no VFIO override holds it.');
  });

  it('VFIO and overrides are not offered where the bus has none, saying which bus', () => {
    const usb = makeDevice({ name: '1-1', bus: 'usb', driver: 'usb' });
    const actions = deviceActions(usb, SIM, NOTHING_KEPT);
    expect(why(actions, 'assign-vfio')).toBe('VFIO takes PCI functions; this device is on the USB bus.');
    expect(why(actions, 'set-override')).toBe('The USB bus has no driver_override.');
    expect(why(actions, 'clear-override')).toBe('The USB bus has no driver_override.');
    expect(why(actions, 'bind')).toBeNull();
    expect(actions.keep.unavailable).toBe('Bindery keeps PCI devices only.');
  });

  it('a PCI bridge stays with the host', () => {
    const bridge = makeDevice({ name: '0000:00:01.0', driver: 'pcieport', pci: pciInfo({ isBridge: true }) });
    expect(why(deviceActions(bridge, SIM, NOTHING_KEPT), 'assign-vfio')).toBe('A PCI bridge stays with the host; assign the devices behind it.');
  });

  it('a captured tree offers nothing, and says why once', () => {
    const actions = deviceActions(gpu, TREE, null);
    expect(actions.readOnly).toBe('/tmp/x is a captured tree: it shows a machine as it was read, and nothing in it can be changed.');
  });
});

describe('keep after reboot', () => {
  it('is off and available for a bound PCI device nobody keeps', () => {
    expect(deviceActions(gpu, SIM, NOTHING_KEPT).keep).toEqual({ checked: false, unavailable: null, note: null });
  });

  it('is on for a kept device, and says which driver boot restores, and when that is not the driver it has now', () => {
    const kept: PersistenceState = { ...NOTHING_KEPT, devices: [{ device: gpu.id, driver: 'amdgpu', present: true }] };
    expect(deviceActions(gpu, SIM, kept).keep).toEqual({ checked: true, unavailable: null, note: 'Boot restores amdgpu.' });
    expect(deviceActions(onVfio, SIM, kept).keep.note).toBe('Boot restores amdgpu (it is on vfio-pci now).');
  });

  it('waits for the answer, and is unavailable where nothing can be kept or there is no driver to keep', () => {
    expect(deviceActions(gpu, SIM, null).keep.unavailable).toBe('Reading which devices are kept…');
    expect(deviceActions(gpu, SIM, { ...NOTHING_KEPT, supported: false }).keep.unavailable).toBe('This host cannot keep anything across reboots.');
    expect(deviceActions(makeDevice({ name: '0000:00:08.0' }), SIM, NOTHING_KEPT).keep.unavailable).toBe('It has no driver to keep; bind it first.');
  });
});

describe('goals', () => {
  it('plans at once what needs no driver; Bind and Set override ask for one first', () => {
    expect(goalOf('assign-vfio', gpu)).toEqual({ kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] });
    expect(goalOf('return-to-host', gpu)).toEqual({ kind: 'return-to-host', devices: ['pci/0000:05:00.0'] });
    expect(goalOf('unbind', gpu)).toEqual({ kind: 'unbind', device: 'pci/0000:05:00.0' });
    expect(goalOf('clear-override', gpu)).toEqual({ kind: 'clear-override', device: 'pci/0000:05:00.0' });
    for (const id of ['bind', 'set-override'] as const) {
      expect(goalOf(id, gpu)).toBeNull();
      expect(needsDriver(id)).toBe(true);
    }
    expect(needsDriver('unbind')).toBe(false);
  });
});
