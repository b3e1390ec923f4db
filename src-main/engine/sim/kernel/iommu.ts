// IOMMU groups and DMA ownership (kernel-abi.md 3.6, 3.7): which group a new
// device joins, the owner count that decides VFIO viability and the EBUSY of
// a DMA-API driver's probe while userspace owns the group, and `type`.
import type { Errno } from '../errno';
import { busType } from './buses';
import { driverProfile } from './behaviours/driver-profiles';
import type { Kernel } from './kernel';
import type { GroupRecord, SimDevice } from './state';

function newGroup(k: Kernel, key: string | null, preferred: number | null, type: string | null): GroupRecord {
  const ida = k.ida('iommu_group');
  const id = preferred !== null && ida.take(preferred) ? preferred : ida.alloc();
  const group: GroupRecord = { id, key, type, userOwned: false };
  k.addGroup(group);
  return group;
}

/** iommu_probe_device(): a PCI device joins its isolation domain's group, or gets a new one (VFs: their own). */
export function iommuProbe(k: Kernel, dev: SimDevice): void {
  const type = k.iommuType;
  if (!dev.pci || type === null) return;
  const pci = dev.pci;
  if (pci.physfn !== null) {
    const pf = k.device(pci.physfn);
    if (pf.pci?.sriov?.hw.vfGroups === 'pf' && pf.group !== null) k.setGroup(dev, pf.group);
    else k.setGroup(dev, newGroup(k, null, null, type).id);
    return;
  }
  const key = pci.hw.groupKey;
  // A function the IOMMU does not translate for (its own) joins no group.
  if (key === null) return;
  const existing = k.groupByKey(key);
  if (existing) {
    k.setGroup(dev, existing.id);
    return;
  }
  const preferred = /^\d+$/.test(key) ? Number(key) : null;
  k.setGroup(dev, newGroup(k, key, preferred, type).id);
}

/** An emulated group of its own, as vfio_register_emulated_iommu_dev() makes for an mdev. */
export function emulatedGroup(k: Kernel, dev: SimDevice): void {
  k.setGroup(dev, newGroup(k, null, null, null).id);
}

/** The device leaves its group; an empty group is freed and its number reused. */
export function iommuRelease(k: Kernel, dev: SimDevice): void {
  const id = dev.group;
  if (id === null) return;
  k.setGroup(dev, null);
  if (k.groupMembers(id).size === 0) {
    k.deleteGroup(id);
    k.ida('iommu_group').free(id);
  }
}

/** Whether binding this driver takes the group's default domain (it does not manage DMA itself). */
export function usesDmaApi(dev: SimDevice, driverName: string): boolean {
  return dev.bus !== null && busType(dev.bus).dma && !driverProfile(dev.bus, driverName).dmaManaged;
}

/** owner_cnt: members bound to DMA-API drivers, plus one while userspace owns the group. */
export function ownerCount(k: Kernel, group: GroupRecord): number {
  let count = group.userOwned ? 1 : 0;
  for (const id of k.groupMembers(group.id)) {
    const member = k.device(id);
    if (member.driver !== null && usesDmaApi(member, member.driver)) count += 1;
  }
  return count;
}

/** dma_configure() of a probe: EBUSY while userspace owns the group (iommu_device_use_default_domain). */
export function dmaConfigure(k: Kernel, dev: SimDevice, driverName: string): Errno | null {
  if (dev.group === null || !usesDmaApi(dev, driverName)) return null;
  return k.group(dev.group)?.userOwned ? 'EBUSY' : null;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { identity: 'identity', DMA: 'DMA', 'DMA-FQ': 'DMA-FQ' };

/** iommu_group_store_type(). */
export function setGroupType(k: Kernel, group: GroupRecord, text: string): Errno | null {
  if (group.type === null) return 'EINVAL';
  const value = text.endsWith('\n') ? text.slice(0, -1) : text;
  const requested = value === 'auto' ? (k.iommuType ?? 'DMA') : TYPE_NAMES[value];
  if (requested === undefined) return 'EINVAL';
  // A flush queue can be brought up under a live DMA domain.
  if (requested === 'DMA-FQ' && group.type === 'DMA') {
    group.type = requested;
    return null;
  }
  if (k.groupMembers(group.id).size === 0 || ownerCount(k, group) > 0) return 'EPERM';
  group.type = requested;
  return null;
}
