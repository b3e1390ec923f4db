// "The same state" for a simulated machine: its saved state without what any
// kernel renumbers when a driver unbinds and binds again: uevent seqnums,
// interface indexes, disk sequence numbers, a VF's random MAC, the order in
// which devlink instances registered, udev work not yet settled, and its own
// object ids (devices are named by their place in the tree instead).
// Optionally without the modules a plan loaded: their inverse is "leave
// loaded" (plan.ts).
// Names the kernel numbers in probe order (eth2, vfio0, card1, nvme0) keep
// their stem only: undoing rebinds devices in reverse order, so two such
// names can swap, as they would on a real machine.
import type { Snapshot } from '../../../../../../src-shared/model';
import type { SimDevice, SimState } from '../../../../../../src-main/engine/sim/kernel/state';
import { withoutTime } from './lab';

type Json = Record<string, unknown>;

/** `eth#` for `eth2`. */
function stem(name: string): string {
  return name.replace(/\d+$/, '#');
}

function keyed(state: SimState): (id: number | null) => string | null {
  const byId = new Map(state.devices.map((d) => [d.id, d]));
  const keys = new Map<number, string>();
  const keyOf = (id: number | null): string | null => {
    if (id === null) return null;
    let key = keys.get(id);
    if (key === undefined) {
      const device = byId.get(id);
      const name = device?.cls === null ? device.name : stem(device?.name ?? '');
      key = device === undefined ? `#gone` : `${keyOf(device.parent) ?? ''}/${device.cls ?? device.bus ?? ''}:${name}`;
      keys.set(id, key);
    }
    return key;
  };
  return keyOf;
}

function device(d: SimDevice, keyOf: (id: number | null) => string | null): Json {
  const copy: Json = { ...d };
  copy.id = keyOf(d.id);
  copy.parent = keyOf(d.parent);
  copy.createdBy = keyOf(d.createdBy);
  if (d.cls !== null) {
    copy.name = stem(d.name);
    copy.ids = null;
    if (d.devnode !== null) copy.devnode = { ...d.devnode, minor: null, name: stem(d.devnode.name) };
    if (d.attrs?.number !== undefined) copy.attrs = { ...d.attrs, number: null };
  }
  if (d.net) copy.net = { ...d.net, ifindex: null, address: null };
  if (d.attrs?.diskseq !== undefined) copy.attrs = { ...d.attrs, diskseq: null };
  if (d.part) copy.part = { ...d.part, diskseq: null };
  if (d.mdev) copy.mdev = { ...d.mdev, parent: keyOf(d.mdev.parent) };
  if (d.pci) {
    copy.pci = {
      ...d.pci,
      physfn: keyOf(d.pci.physfn),
      sriov: d.pci.sriov === null ? null : { ...d.pci.sriov, vfs: d.pci.sriov.vfs.map(keyOf) },
    };
  }
  return copy;
}

/** By place in the tree; two class devices of one parent whose names differ only in number, by content. */
function byKey(a: Json, b: Json): number {
  const [x, y] = [String(a.id), String(b.id)];
  if (x !== y) return x < y ? -1 : 1;
  const [p, q] = [JSON.stringify(a), JSON.stringify(b)];
  return p < q ? -1 : p > q ? 1 : 0;
}

export interface CompareOptions {
  /** Modules loaded since `reference` (their drivers, classes and devices), to leave out. */
  readonly reference?: SimState;
}

export function normalisedMachine(saved: unknown, options: CompareOptions = {}): Json {
  const state = saved as SimState;
  const keyOf = keyed(state);
  const reference = options.reference;
  const modules = new Set(reference?.modules.map((m) => m.name));
  const classes = new Set(reference?.classes);
  const referenceKeyOf = reference === undefined ? null : keyed(reference);
  const referenceKeys = new Set(reference?.devices.map((d) => referenceKeyOf?.(d.id)));
  // What a module's init made: its classes and its virtual devices (/dev/vfio/vfio).
  const loaded = {
    module: (name: string | null) => reference !== undefined && name !== null && !modules.has(name),
    cls: (name: string) => reference !== undefined && !classes.has(name),
    device: (d: SimDevice) => reference !== undefined && d.parent === null && d.createdBy === null && !referenceKeys.has(keyOf(d.id)),
  };
  return {
    ...state,
    seqnum: null, ifindex: null, diskseq: null, nextId: null,
    modules: state.modules.filter((m) => !loaded.module(m.name)),
    drivers: state.drivers.filter((d) => !loaded.module(d.module)),
    classes: state.classes.filter((c) => !loaded.cls(c)),
    devices: state.devices.filter((d) => !loaded.device(d)).map((d) => device(d, keyOf)).sort(byKey),
    ida: Object.fromEntries(Object.entries(state.ida).filter(([, taken]) => taken.length > 0)),
    vdpaMgmt: state.vdpaMgmt.map((m) => ({ ...m, parent: keyOf(m.parent) })),
    devlink: [...state.devlink].sort((a, b) => a.handle.localeCompare(b.handle)).map((l) => ({
      ...l,
      device: keyOf(l.device),
      ports: l.ports.map((p) => ({ ...p, netdev: keyOf(p.netdev), sf: p.sf === null ? null : { ...p.sf, auxDevice: keyOf(p.sf.auxDevice) } })),
    })),
    pending: null,
  };
}

/** A scan without its time, and without drivers that were not there in `reference` and hold no device. */
export function normalisedSnapshot(snapshot: Snapshot, reference?: Snapshot): Omit<Snapshot, 'takenAt'> {
  const timeless = withoutTime(snapshot);
  const plain = {
    ...timeless,
    devices: timeless.devices.map((d) => ({ ...d, classDevices: d.classDevices.map((c) => ({ ...c, name: stem(c.name) })) })),
  };
  if (reference === undefined) return plain;
  const known = new Set(reference.drivers.map((d) => `${d.bus}/${d.name}`));
  const extra = plain.drivers.filter((d) => !known.has(`${d.bus}/${d.name}`) && d.devices.length === 0);
  return {
    ...plain,
    drivers: plain.drivers.filter((d) => !extra.includes(d)),
    buses: plain.buses.map((b) => ({ ...b, driverCount: b.driverCount - extra.filter((d) => d.bus === b.name).length })),
  };
}
