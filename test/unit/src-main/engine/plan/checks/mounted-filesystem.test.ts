// Which device a mounted filesystem rests on: partitions under namespaces,
// whole disks, and an LVM root through device-mapper's slaves.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SysfsBuilder } from '../../../../../fixtures/sysfs/sysfs-builder';
import { capturedHost, codes, planOn, simHost, treeCopy } from '../support/sim';

const NVME = 'sys/devices/pci0000:00/0000:00:1b.0/0000:02:00.0';

/** The workstation fixture with its NVMe partition under an LVM volume group (dm-0 = vg-root). */
function lvmTree(): string {
  const root = treeCopy();
  const partition = `${NVME}/nvme/nvme0/nvme0n1/nvme0n1p1`;
  expect(fs.existsSync(path.join(root, partition))).toBe(true);
  new SysfsBuilder(root)
    .file('sys/devices/virtual/block/dm-0/dm/name', 'vg-root\n')
    .link('sys/devices/virtual/block/dm-0/slaves/nvme0n1p1', partition)
    .link('sys/devices/virtual/block/dm-0/subsystem', 'sys/class/block')
    .link('sys/class/block/dm-0', 'sys/devices/virtual/block/dm-0');
  return root;
}

describe('boot-disk and mounted-filesystem', () => {
  it('follows an LVM root from /dev/mapper through dm-0 to the NVMe it rests on', async () => {
    const target = capturedHost(lvmTree());
    const mounts = [{ source: '/dev/mapper/vg-root', target: '/', fstype: 'ext4' }];
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:02:00.0'] }, { facts: { mounts } });
    expect(codes(plan)).toContain('refuse:boot-disk');
    expect(plan.findings[0]?.detail).toContain('/ (/dev/mapper/vg-root, ext4)');
  });

  it('finds the disk of a partition the device does not list itself', async () => {
    const mounts = [{ source: '/dev/nvme0n1p7', target: '/srv', fstype: 'xfs' }];
    const plan = await planOn(capturedHost(), { kind: 'unbind', device: 'pci/0000:02:00.0' }, { facts: { mounts } });
    expect(codes(plan)).toEqual(['refuse:mounted-filesystem']);
    expect(plan.findings[0]).toMatchObject({ forceable: true, devices: ['pci/0000:02:00.0'] });
  });

  it('treats /boot on its own disk as part of the running system, and ignores filesystems that are no device', async () => {
    const target = simHost('workstation');
    const mounts = [{ source: '/dev/nvme1n1p1', target: '/boot', fstype: 'ext4' }, { source: 'tmpfs', target: '/tmp', fstype: 'tmpfs' }];
    const plan = await planOn(target, { kind: 'assign-vfio', devices: ['pci/0000:08:00.0'] }, { facts: { mounts } });
    expect(codes(plan)).toEqual(['refuse:boot-disk']);
    expect(plan.findings[0]?.title).toBe('This disk holds part of the running system');
    const q35 = await planOn(simHost('qemu-q35'), { kind: 'assign-vfio', devices: ['pci/0000:00:04.0'] });
    expect(codes(q35)).toEqual([]);
  });
});
