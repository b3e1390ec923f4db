// The device tree: one branch per bus, devices nested under their parent on
// that bus, and SR-IOV VFs under their PF (in sysfs a VF is the PF's sibling,
// but people think of it as the PF's child).
import type { Device, DeviceId } from '../../src-shared/model';
import { compareBuses } from './device-labels';
import { sameBusId } from './device-index';

export interface TreeNode {
  readonly device: Device;
  readonly children: readonly TreeNode[];
}

export interface BusBranch {
  readonly bus: string;
  readonly roots: readonly TreeNode[];
  readonly deviceCount: number;
}

/**
 * Where a device hangs in the tree: its PF for a VF, else its parent when that
 * parent is on the same bus; null makes it a root of its bus (a PCI root port,
 * a USB root hub under a PCI controller, a device whose parent is missing).
 */
export function treeParentId(device: Device, byId: ReadonlyMap<DeviceId, Device>): DeviceId | null {
  const physfn = device.pci?.physfn;
  if (physfn) {
    const pf = sameBusId(device, physfn);
    if (pf !== device.id && byId.has(pf)) return pf;
  }
  if (device.parent && device.parent !== device.id && byId.get(device.parent)?.bus === device.bus) return device.parent;
  return null;
}

/** Devices keep the snapshot's order among siblings; buses come in `compareBuses` order. */
export function buildDeviceTree(devices: readonly Device[]): readonly BusBranch[] {
  const byId = new Map(devices.map((device) => [device.id, device]));
  const children = new Map<DeviceId, Device[]>();
  const rootsByBus = new Map<string, Device[]>();
  const countByBus = new Map<string, number>();
  for (const device of devices) {
    countByBus.set(device.bus, (countByBus.get(device.bus) ?? 0) + 1);
    const parent = treeParentId(device, byId);
    const list = parent ? children.get(parent) : rootsByBus.get(device.bus);
    if (list) list.push(device);
    else if (parent) children.set(parent, [device]);
    else rootsByBus.set(device.bus, [device]);
  }

  const placed = new Set<DeviceId>();
  const grow = (device: Device): TreeNode => {
    placed.add(device.id);
    const kids = (children.get(device.id) ?? []).filter((child) => !placed.has(child.id));
    return { device, children: kids.map(grow) };
  };
  const branches = new Map<string, TreeNode[]>();
  for (const [bus, roots] of rootsByBus) branches.set(bus, roots.map(grow));
  // Parent links that loop (malformed data) would leave devices unreachable: show them as roots.
  for (const device of devices) {
    if (placed.has(device.id)) continue;
    const list = branches.get(device.bus) ?? [];
    branches.set(device.bus, list);
    list.push(grow(device));
  }

  return [...countByBus.keys()].sort(compareBuses).map((bus) => ({
    bus,
    roots: branches.get(bus) ?? [],
    deviceCount: countByBus.get(bus) ?? 0,
  }));
}
