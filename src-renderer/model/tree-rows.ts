// The tree as the rows a virtualized list renders: only expanded branches,
// only what the filter lets through (with the ancestors that give a match its place).
import type { Device, DeviceId } from '../../src-shared/model';
import { treeParentId } from './device-tree';
import type { BusBranch, TreeNode } from './device-tree';

interface RowBase {
  /** Stable across snapshots: `bus:<name>` or the device ID. */
  readonly key: string;
  /** 1-based, as aria-level wants it. */
  readonly level: number;
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** Siblings shown at this level, and this row's 1-based position among them. */
  readonly setSize: number;
  readonly posInSet: number;
  /** Key of the row above it in the tree, for Left-arrow navigation. */
  readonly parentKey: string | null;
}

export interface BusRow extends RowBase {
  readonly kind: 'bus';
  readonly bus: string;
  readonly deviceCount: number;
  /** Devices of the bus the filter matched; equals deviceCount without a filter. */
  readonly matchCount: number;
}

export interface DeviceRow extends RowBase {
  readonly kind: 'device';
  readonly device: Device;
  /** False for an ancestor shown only to place a match. */
  readonly matched: boolean;
}

export type TreeRow = BusRow | DeviceRow;

export function busKey(bus: string): string {
  return `bus:${bus}`;
}

/** Buses whose devices people act on start open; the long lists of cpu, memory, acpi... start closed. */
const OPEN_BUSES = new Set(['pci', 'usb', 'virtio', 'auxiliary', 'mdev', 'vdpa', 'netdevsim', 'nvme', 'thunderbolt', 'cxl']);

export function expandedByDefault(key: string): boolean {
  return key.startsWith('bus:') ? OPEN_BUSES.has(key.slice(4)) : true;
}

export interface TreeRowOptions {
  /** Device IDs the filter matched; null shows everything. */
  readonly matches: ReadonlySet<DeviceId> | null;
  readonly isExpanded: (key: string) => boolean;
}

export function treeRows(branches: readonly BusBranch[], options: TreeRowOptions): TreeRow[] {
  const { matches, isExpanded } = options;
  // Which nodes hold a match below them (or are one): computed once, bottom up.
  const relevant = new Set<DeviceId>();
  const matchCounts = new Map<string, number>();
  if (matches) {
    const mark = (node: TreeNode): boolean => {
      let keep = matches.has(node.device.id);
      for (const child of node.children) keep = mark(child) || keep;
      if (keep) relevant.add(node.device.id);
      return keep;
    };
    for (const branch of branches) branch.roots.forEach(mark);
    for (const id of matches) {
      // IDs are `<bus>/<name>` (model.ts), and bus names hold no slash.
      const bus = id.slice(0, id.indexOf('/'));
      matchCounts.set(bus, (matchCounts.get(bus) ?? 0) + 1);
    }
  }
  const shown = (node: TreeNode) => !matches || relevant.has(node.device.id);

  const rows: TreeRow[] = [];
  const addNodes = (nodes: readonly TreeNode[], level: number, parentKey: string) => {
    const visible = nodes.filter(shown);
    visible.forEach((node, index) => {
      const kids = node.children.filter(shown);
      const expanded = kids.length > 0 && isExpanded(node.device.id);
      rows.push({
        kind: 'device',
        key: node.device.id,
        device: node.device,
        matched: !matches || matches.has(node.device.id),
        level,
        expandable: kids.length > 0,
        expanded,
        setSize: visible.length,
        posInSet: index + 1,
        parentKey,
      });
      if (expanded) addNodes(kids, level + 1, node.device.id);
    });
  };

  const visibleBranches = branches.filter((branch) => !matches || (matchCounts.get(branch.bus) ?? 0) > 0);
  visibleBranches.forEach((branch, index) => {
    const key = busKey(branch.bus);
    const expanded = isExpanded(key);
    rows.push({
      kind: 'bus',
      key,
      bus: branch.bus,
      deviceCount: branch.deviceCount,
      matchCount: matches ? (matchCounts.get(branch.bus) ?? 0) : branch.deviceCount,
      level: 1,
      expandable: true,
      expanded,
      setSize: visibleBranches.length,
      posInSet: index + 1,
      parentKey: null,
    });
    if (expanded) addNodes(branch.roots, 2, key);
  });
  return rows;
}

/** Keys of the rows that must be open for a device to show: its bus and its tree ancestors. */
export function ancestorKeys(device: Device, byId: ReadonlyMap<DeviceId, Device>): string[] {
  const keys = [busKey(device.bus)];
  const seen = new Set<DeviceId>([device.id]);
  for (let current = device; ; ) {
    const parentId = treeParentId(current, byId);
    const parent = parentId ? byId.get(parentId) : undefined;
    if (!parent || seen.has(parent.id)) return keys;
    seen.add(parent.id);
    keys.push(parent.id);
    current = parent;
  }
}
