import { describe, expect, it } from 'vitest';
import type { BusBranch, TreeNode } from '../../../../src-renderer/model/device-tree';
import { buildDeviceTree, treeParentId } from '../../../../src-renderer/model/device-tree';
import { makeDevice, pciInfo } from './make-device';

/** The tree as nested names, easy to compare. */
function shape(branches: readonly BusBranch[]): Record<string, unknown> {
  const node = (n: TreeNode): unknown => (n.children.length ? { [n.device.name]: n.children.map(node) } : n.device.name);
  return Object.fromEntries(branches.map((b) => [b.bus, b.roots.map(node)]));
}

const rootPort = makeDevice({ name: '0000:00:01.0', pci: pciInfo({ isBridge: true }) });
const gpu = makeDevice({ name: '0000:01:00.0', parent: 'pci/0000:00:01.0' });
const audio = makeDevice({ name: '0000:01:00.1', parent: 'pci/0000:00:01.0' });
const xhci = makeDevice({ name: '0000:00:14.0' });
const rootHub = makeDevice({ bus: 'usb', name: 'usb1', parent: 'pci/0000:00:14.0' });
const keyboard = makeDevice({ bus: 'usb', name: '1-1', parent: 'usb/usb1' });

describe('buildDeviceTree', () => {
  it('nests devices under their parent on the same bus, in snapshot order', () => {
    const tree = buildDeviceTree([rootPort, gpu, audio, xhci]);
    expect(shape(tree)).toEqual({ pci: [{ '0000:00:01.0': ['0000:01:00.0', '0000:01:00.1'] }, '0000:00:14.0'] });
  });

  it('starts a bus branch at a device whose parent is on another bus', () => {
    const tree = buildDeviceTree([xhci, rootHub, keyboard]);
    expect(shape(tree)).toEqual({ pci: ['0000:00:14.0'], usb: [{ usb1: ['1-1'] }] });
  });

  it('puts PCI first and USB second whatever the snapshot order', () => {
    const acpi = makeDevice({ bus: 'acpi', name: 'PNP0A08:00' });
    const tree = buildDeviceTree([acpi, rootHub, xhci]);
    expect(tree.map((b) => b.bus)).toEqual(['pci', 'usb', 'acpi']);
  });

  it('hangs SR-IOV VFs under their PF rather than beside it', () => {
    const pf = makeDevice({ name: '0000:03:00.0', parent: 'pci/0000:00:01.0' });
    const vf = makeDevice({ name: '0000:03:00.2', parent: 'pci/0000:00:01.0', pci: pciInfo({ physfn: '0000:03:00.0' }) });
    const tree = buildDeviceTree([rootPort, pf, vf]);
    expect(shape(tree)).toEqual({ pci: [{ '0000:00:01.0': [{ '0000:03:00.0': ['0000:03:00.2'] }] }] });
  });

  it('keeps a VF at its sysfs parent when its PF is not in the snapshot', () => {
    const vf = makeDevice({ name: '0000:03:00.2', parent: 'pci/0000:00:01.0', pci: pciInfo({ physfn: '0000:03:00.0' }) });
    expect(treeParentId(vf, new Map([[rootPort.id, rootPort], [vf.id, vf]]))).toBe('pci/0000:00:01.0');
  });

  it('shows orphans, whose parent is missing, as roots of their bus', () => {
    const orphan = makeDevice({ name: '0000:05:00.0', parent: 'pci/0000:00:1c.0' });
    const tree = buildDeviceTree([rootPort, orphan]);
    expect(shape(tree)).toEqual({ pci: ['0000:00:01.0', '0000:05:00.0'] });
  });

  it('still shows every device when parent links loop', () => {
    const a = makeDevice({ name: 'a', parent: 'pci/b' });
    const b = makeDevice({ name: 'b', parent: 'pci/a' });
    const tree = buildDeviceTree([a, b]);
    expect(shape(tree)).toEqual({ pci: [{ a: ['b'] }] });
    expect(tree[0]?.deviceCount).toBe(2);
  });

  it('counts the devices of each bus', () => {
    const tree = buildDeviceTree([rootPort, gpu, audio, rootHub, keyboard]);
    expect(tree.map((b) => [b.bus, b.deviceCount])).toEqual([['pci', 3], ['usb', 2]]);
  });
});
