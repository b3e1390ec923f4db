// The scenario format's newer parts: NVMe partitions, interface names,
// functions outside every IOMMU group, repeated entries, and host facts,
// which must hold on the booted machine.
import { describe, expect, it } from 'vitest';
import type { Uevent } from '../../../../../../src-main/engine/sim/kernel/uevents';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';
import { pciOf, problemsOf, tinyScenario } from '../support/tiny-scenario';

/** The tiny machine with a partitioned NVMe disk, a named NIC and facts about both. */
function withDisk(): Record<string, unknown> {
  const scenario = tinyScenario();
  scenario.modules = ['igb', 'nvme'];
  pciOf(scenario)[1] = { ...pciOf(scenario)[1], netdev: 'enp2s0' };
  pciOf(scenario).push({
    address: '0000:00:1d.0', id: '144d:a808', class: '010802', group: 3,
    nvmeNamespaces: [{ sizeGiB: 1, partitions: [{ name: 'EFI system partition', sizeMiB: 100 }, { name: 'root' }] }],
  });
  scenario.boot = ['coldplug', 'settle'];
  scenario.facts = {
    mounts: [{ source: '/dev/nvme0n1p2', target: '/', fstype: 'ext4' }, { source: 'tmpfs', target: '/tmp', fstype: 'tmpfs' }],
    defaultRoute: ['enp2s0'],
  };
  return scenario;
}

describe('NVMe partitions', () => {
  it('appear under their disk, the last one filling the disk up to the backup GPT', () => {
    const machine = bootScenario(withDisk());
    expect(machine.list('/sys/class/block/nvme0n1')).toEqual(expect.objectContaining({ value: expect.arrayContaining(['nvme0n1p1', 'nvme0n1p2']) }));
    expect(machine.read('/sys/class/block/nvme0n1/size')).toEqual({ ok: true, value: '2097152\n' });
    expect(['partition', 'start', 'size'].map((file) => machine.read(`/sys/class/block/nvme0n1p2/${file}`))).toEqual([
      { ok: true, value: '2\n' }, { ok: true, value: '206848\n' }, { ok: true, value: '1888256\n' },
    ]);
  });

  it('must fit in their namespace, and only the last may leave out its size', () => {
    const scenario = withDisk();
    pciOf(scenario)[2] = { ...pciOf(scenario)[2], nvmeNamespaces: [{ sizeGiB: 1, partitions: [{}, { sizeMiB: 2048 }] }] };
    expect(problemsOf(scenario)).toEqual([
      'pci[2].nvmeNamespaces[0]: the partitions do not fit in the namespace',
      'pci[2].nvmeNamespaces[0].partitions: only the last partition may leave out its size',
    ]);
  });
});

describe('interface names', () => {
  it('are udev\'s: the driver\'s eth0 becomes the function\'s name at settle, with a move uevent', () => {
    const machine = bootScenario(withDisk());
    expect(machine.list('/sys/class/net')).toEqual({ ok: true, value: ['enp2s0', 'lo'] });
    const events: Uevent[] = [];
    machine.onUevent((event) => events.push(event));
    machine.write('/sys/bus/pci/drivers/igb/unbind', '0000:02:00.0');
    machine.write('/sys/bus/pci/drivers/igb/bind', '0000:02:00.0');
    expect(machine.list('/sys/class/net')).toEqual({ ok: true, value: ['eth0', 'lo'] });
    machine.settle();
    expect(machine.list('/sys/class/net')).toEqual({ ok: true, value: ['enp2s0', 'lo'] });
    const move = events.find((event) => event.action === 'move');
    expect(move?.env.slice(0, 4)).toEqual([
      'ACTION=move', 'DEVPATH=/devices/pci0000:00/0000:00:1c.0/0000:02:00.0/net/enp2s0', 'SUBSYSTEM=net',
      'DEVPATH_OLD=/devices/pci0000:00/0000:00:1c.0/0000:02:00.0/net/eth0',
    ]);
    expect(move?.env).toContain('INTERFACE=enp2s0');
  });

  it('must be names the kernel takes', () => {
    const scenario = tinyScenario();
    pciOf(scenario)[1] = { ...pciOf(scenario)[1], netdev: 'a/name/far/too/long' };
    expect(problemsOf(scenario)).toEqual([expect.stringMatching(/^pci\.1\.netdev: expected an interface name/)]);
  });
});

describe('functions outside every IOMMU group', () => {
  it('have no iommu_group, and vfio-pci refuses them', () => {
    const scenario = tinyScenario();
    scenario.modules = ['igb', 'vfio_pci'];
    pciOf(scenario)[1] = { ...pciOf(scenario)[1], group: null };
    const machine = bootScenario(scenario);
    expect(machine.exists('/sys/bus/pci/devices/0000:02:00.0/iommu_group')).toBe(false);
    expect(machine.exists('/sys/bus/pci/devices/0000:00:1c.0/iommu_group')).toBe(true);
    expect(machine.modprobe('vfio_pci')).toEqual({ ok: true, value: undefined });
    machine.write('/sys/bus/pci/devices/0000:02:00.0/driver_override', 'vfio-pci');
    machine.write('/sys/bus/pci/drivers/igb/unbind', '0000:02:00.0');
    expect(machine.write('/sys/bus/pci/drivers/vfio-pci/bind', '0000:02:00.0')).toEqual({ ok: false, errno: 'EINVAL' });
  });
});

describe('repeated entries', () => {
  function cards(count: number): Record<string, unknown> {
    const scenario = tinyScenario();
    scenario.pci = [
      { address: '0000:00:01.0', id: '8086:a33c', class: '060400', pcie: 'root-port', bridge: { secondary: 1 }, group: 'port-{i}',
        label: 'port {i}', repeat: [{ count, step: { devfn: 1, secondary: 1 } }] },
      { address: '0000:01:00.0', id: '8086:10c9', class: '020000', group: 'nic-{i}', netdev: 'enp{i}s0',
        repeat: [{ count, step: { bus: 1 } }] },
    ];
    return scenario;
  }

  it('stand for their copies, each with its own address, bus, group and name', () => {
    const machine = bootScenario(cards(10));
    expect(machine.readLink('/sys/bus/pci/devices/0000:0a:00.0')).toEqual({ ok: true, value: '../../../devices/pci0000:00/0000:00:02.1/0000:0a:00.0' });
    expect(machine.read('/sys/bus/pci/devices/0000:00:02.1/secondary_bus_number')).toEqual({ ok: true, value: '10\n' });
    const groups = ['01', '0a'].map((bus) => machine.readLink(`/sys/bus/pci/devices/0000:${bus}:00.0/iommu_group`));
    expect(groups[0]).not.toEqual(groups[1]);
    const names = machine.list('/sys/class/net');
    expect(names.ok && names.value).toEqual(['enp0s0', 'enp1s0', 'enp2s0', 'enp3s0', 'enp4s0', 'enp5s0', 'enp6s0', 'enp7s0', 'enp8s0', 'enp9s0', 'lo']);
  });

  it('name the copy a problem is in', () => {
    const scenario = cards(2);
    pciOf(scenario).push({ address: '0000:02:00.0', id: '8086:10c9', class: '020000', group: 'clash' });
    expect(problemsOf(scenario)).toEqual(['pci[2] uses address 0000:02:00.0, which pci[1]#1 already uses']);
    expect(problemsOf(cards(300))).toEqual(expect.arrayContaining([
      'pci[0]#255: the copy would be past bus ff or function 1f.7; lower the count or the steps',
    ]));
  });
});

describe('host facts', () => {
  it('are kept in the machine and read with facts()', () => {
    expect(bootScenario(withDisk()).facts()).toEqual({
      mounts: [{ source: '/dev/nvme0n1p2', target: '/', fstype: 'ext4' }, { source: 'tmpfs', target: '/tmp', fstype: 'tmpfs' }],
      defaultRoute: ['enp2s0'], display: null, vfioGroupsInUse: [],
    });
  });

  it('must hold on the booted machine: no mount of a missing partition, no unknown interface or card', () => {
    const scenario = withDisk();
    scenario.facts = {
      mounts: [{ source: '/dev/nvme0n1p3', target: '/', fstype: 'ext4' }, { source: '/dev/sda1', target: '/', fstype: 'ext4' }],
      defaultRoute: ['eth0'],
      display: 'card0',
    };
    expect(problemsOf(scenario)).toEqual(['facts.mounts[1]: / is mounted twice']);
    scenario.facts = { ...scenario.facts as object, mounts: [{ source: '/dev/nvme0n1p3', target: '/', fstype: 'ext4' }] };
    expect(problemsOf(scenario)).toEqual([
      'facts.mounts[0].source: /dev/nvme0n1p3 is not a block device of the booted machine',
      'facts.defaultRoute[0]: the booted machine has no interface eth0',
      'facts.display: the booted machine has no DRM card card0',
    ]);
  });
});
