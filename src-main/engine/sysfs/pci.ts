// The `pci` part of a PCI device (kernel-abi.md 3.2): IDs exactly as sysfs
// prints them, plus what decides passthrough: boot VGA, reset methods,
// SR-IOV, mdev types and whether it is a bridge.
import type { PciInfo } from '../../../src-shared/model';
import { readHex } from './attribute-values';
import { readMdevTypes } from './pci-mdev';
import { readSriov } from './pci-sriov';
import type { SysfsTree } from './sysfs-tree';

// Every PCI device has these; without them the device has gone away.
const IDENTITY = [
  { name: 'vendor', pattern: /^0x[0-9a-f]{4}$/i, expected: 'a 16-bit hex ID (0x%04x)' },
  { name: 'device', pattern: /^0x[0-9a-f]{4}$/i, expected: 'a 16-bit hex ID (0x%04x)' },
  { name: 'subsystem_vendor', pattern: /^0x[0-9a-f]{4}$/i, expected: 'a 16-bit hex ID (0x%04x)' },
  { name: 'subsystem_device', pattern: /^0x[0-9a-f]{4}$/i, expected: 'a 16-bit hex ID (0x%04x)' },
  { name: 'class', pattern: /^0x[0-9a-f]{6}$/i, expected: 'a 24-bit hex class (0x%06x)' },
  { name: 'revision', pattern: /^0x[0-9a-f]{2}$/i, expected: 'an 8-bit hex revision (0x%02x)' },
] as const;

const HEADER_TYPE = 0x0e;

/**
 * Bridges by header type (1 = PCI-to-PCI, 2 = CardBus) as lspci decides;
 * the class code only when `config` cannot be read.
 */
function isBridge(tree: SysfsTree, dir: string, classCode: number): boolean {
  const config = tree.bytes(dir, 'config', HEADER_TYPE + 1);
  const headerType = config?.[HEADER_TYPE];
  if (headerType !== undefined) return (headerType & 0x7f) === 1 || (headerType & 0x7f) === 2;
  const cls = classCode >> 8;
  return cls === 0x0604 || cls === 0x0607;
}

function resetMethods(tree: SysfsTree, dir: string): string[] | null {
  const value = tree.text(dir, 'reset_method');
  return value === null ? null : value.split(/\s+/).filter((method) => method !== '');
}

/** 'vanished' when the device went away; null when its identity cannot be read (a problem is logged). */
export function readPci(tree: SysfsTree, dir: string): PciInfo | 'vanished' | null {
  if (IDENTITY.some(({ name }) => tree.read(dir, name).state === 'absent')) return 'vanished';
  const [vendor, device, subsystemVendor, subsystemDevice, cls, revision] = IDENTITY.map(
    ({ name, pattern, expected }) => readHex(tree, dir, name, pattern, expected),
  );
  if (!vendor || !device || !subsystemVendor || !subsystemDevice || !cls || !revision) return null;
  return {
    vendor,
    device,
    subsystemVendor,
    subsystemDevice,
    class: cls,
    revision,
    bootVga: tree.text(dir, 'boot_vga') === '1',
    resetMethods: resetMethods(tree, dir),
    sriov: readSriov(tree, dir),
    physfn: tree.linkName(dir, 'physfn'),
    mdevTypes: readMdevTypes(tree, dir),
    isBridge: isBridge(tree, dir, Number(cls)),
  };
}
