// The workstation a passthrough user has: the display GPU shares its group
// with the CPU's x16 port, the second GPU and its audio are alone in
// theirs, the boot disk is partitioned and mounted, the NIC carries the
// default route. The next issue's safety checks start from these facts.
import { describe, expect, it } from 'vitest';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';
import { deviceOf, groupOf, pciFunctionOf, snapshotOf } from '../support/snapshot';

describe('workstation', () => {
  const machine = bootScenario('workstation');
  const snapshot = snapshotOf(machine);
  const driver = (pci: string): string | null => deviceOf(snapshot, `pci/${pci}`).driver;

  it('binds the drivers a desktop has', () => {
    expect(Object.fromEntries(['00:02.0', '01:00.0', '01:00.1', '05:00.0', '05:00.1', '02:00.0', '08:00.0', '06:00.0', '00:14.0', '07:00.0']
      .map((slot) => [slot, driver(`0000:${slot}`)]))).toEqual({
      '00:02.0': 'i915', '01:00.0': 'nouveau', '01:00.1': 'snd_hda_intel', '05:00.0': 'amdgpu', '05:00.1': 'snd_hda_intel',
      '02:00.0': 'nvme', '08:00.0': 'nvme', '06:00.0': 'igc', '00:14.0': 'xhci_hcd', '07:00.0': 'xhci_hcd',
    });
    expect(snapshot.problems).toEqual([]);
  });

  it('has the display GPU with its audio in the x16 port\'s group, and the second GPU with its audio alone', () => {
    expect(groupOf(snapshot, '0000:01:00.0')).toEqual(['pci/0000:00:01.0', 'pci/0000:01:00.0', 'pci/0000:01:00.1']);
    expect(groupOf(snapshot, '0000:05:00.0')).toEqual(['pci/0000:05:00.0', 'pci/0000:05:00.1']);
    expect(deviceOf(snapshot, 'pci/0000:05:00.0').iommuGroup).toBe(15);
  });

  it('drives the desktop with the RTX 4090 (boot VGA, card1)', () => {
    expect(deviceOf(snapshot, 'pci/0000:01:00.0').pci?.bootVga).toBe(true);
    expect(deviceOf(snapshot, 'pci/0000:00:02.0').pci?.bootVga).toBe(false);
    expect(machine.facts().display).toBe('card1');
    expect(pciFunctionOf(machine, 'drm/card1')).toBe('0000:01:00.0');
  });

  it('boots from the first NVMe: its partitions are mounted at / and /boot/efi', () => {
    expect(deviceOf(snapshot, 'pci/0000:02:00.0').classDevices.filter((cls) => cls.subsystem === 'block').map((cls) => cls.name))
      .toEqual(['nvme0n1', 'nvme0n1p1', 'nvme0n1p2']);
    expect(machine.facts().mounts).toEqual([
      { source: '/dev/nvme0n1p2', target: '/', fstype: 'ext4' },
      { source: '/dev/nvme0n1p1', target: '/boot/efi', fstype: 'vfat' },
      { source: '/dev/nvme1n1p1', target: '/data', fstype: 'ext4' },
    ]);
    expect(pciFunctionOf(machine, 'block/nvme0n1p2')).toBe('0000:02:00.0');
    expect(pciFunctionOf(machine, 'block/nvme1n1p1')).toBe('0000:08:00.0');
    // The boot disk's group holds the CPU port it hangs off: no ACS there either.
    expect(groupOf(snapshot, '0000:02:00.0')).toEqual(['pci/0000:00:06.0', 'pci/0000:02:00.0']);
  });

  it('lays the partitions out as a partitioning tool does, with their GPT names in the uevent', () => {
    expect(machine.read('/sys/class/block/nvme0n1p1/start')).toEqual({ ok: true, value: '2048\n' });
    expect(machine.read('/sys/class/block/nvme0n1p1/size')).toEqual({ ok: true, value: '1048576\n' });
    expect(machine.read('/sys/class/block/nvme0n1p2/start')).toEqual({ ok: true, value: '1050624\n' });
    expect(machine.read('/sys/class/block/nvme0n1p1/uevent')).toEqual({
      ok: true, value: 'MAJOR=259\nMINOR=1\nDEVNAME=nvme0n1p1\nDEVTYPE=partition\nDISKSEQ=1\nPARTN=1\nPARTNAME=EFI system partition\n',
    });
  });

  it('routes by the I226-V, which udev named enp6s0', () => {
    expect(machine.facts().defaultRoute).toEqual(['enp6s0']);
    expect(deviceOf(snapshot, 'pci/0000:06:00.0').classDevices).toEqual([{ subsystem: 'net', name: 'enp6s0' }]);
    expect(machine.list('/sys/class/net')).toEqual({ ok: true, value: ['enp6s0', 'lo'] });
  });
});
