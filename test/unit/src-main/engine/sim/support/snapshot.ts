// What the reader (scanSysfs) makes of a simulated machine, and lookups the
// scenario tests share: a device by id, a PCI device's group, a class
// device's PCI function.
import { expect } from 'vitest';
import type { Device, HostInfo, Snapshot } from '../../../../../../src-shared/model';
import type { SimMachine } from '../../../../../../src-main/engine/sim/machine';
import { scanSysfs } from '../../../../../../src-main/engine/sysfs/scan';

const HOST: HostInfo = { id: 'sim:test', kind: 'sim', label: 'test', root: '/', kernelRelease: null, readOnly: false };

export function snapshotOf(machine: SimMachine): Snapshot {
  return scanSysfs({ root: '/', source: machine.source, host: HOST, now: () => new Date(0) });
}

export function deviceOf(snapshot: Snapshot, id: string): Device {
  const device = snapshot.devices.find((candidate) => candidate.id === id);
  if (!device) throw new Error(`${id} is not in the snapshot`);
  return device;
}

/** The members of the IOMMU group a PCI function is in, sorted. */
export function groupOf(snapshot: Snapshot, pci: string): string[] {
  const group = deviceOf(snapshot, `pci/${pci}`).iommuGroup;
  expect(group).not.toBeNull();
  return [...(snapshot.iommuGroups.find((candidate) => candidate.id === group)?.devices ?? [])].sort();
}

/** The PCI function a class device (`block/nvme0n1p2`, `net/enp6s0`, `drm/card1`) belongs to, through /sys. */
export function pciFunctionOf(machine: SimMachine, classDevice: string): string | null {
  const target = machine.readLink(`/sys/class/${classDevice}`);
  if (!target.ok) return null;
  return target.value.split('/').filter((part) => /^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/.test(part)).at(-1) ?? null;
}
