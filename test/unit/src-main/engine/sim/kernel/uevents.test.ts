// Uevents (kernel-abi.md 7): keys and their order, actions in the order the
// kernel sends them, the global sequence number, MODALIAS stripped on unbind,
// synthetic events, and subscribing and unsubscribing.
import { describe, expect, it } from 'vitest';
import type { SimMachine } from '../../../../../../src-main/engine/sim/machine';
import type { Uevent } from '../../../../../../src-main/engine/sim/kernel/uevents';
import { boot } from '../support/machines';

function record(machine: SimMachine): Uevent[] {
  const events: Uevent[] = [];
  machine.onUevent((event) => events.push(event));
  return events;
}

const summary = (events: readonly Uevent[]): string[] => events.map((event) => `${event.action}@${event.devpath}`);

function write(machine: SimMachine, path: string, value: string): void {
  const result = machine.write(path, `${value}\n`);
  expect(result, `${path} ${value}`).toEqual({ ok: true, value: undefined });
}

const E1000E = '/devices/pci0000:00/0000:00:02.0';

function seqnum(machine: SimMachine): number {
  const text = machine.read('/sys/kernel/uevent_seqnum');
  if (!text.ok) throw new Error(text.errno);
  return Number(text.value);
}

describe('uevents', () => {
  it('unbind and bind carry exactly the kernel keys, in order, with consecutive sequence numbers', () => {
    const machine = boot('qemu-q35');
    const events = record(machine);
    const start = seqnum(machine);
    write(machine, '/sys/bus/pci/drivers/e1000e/unbind', '0000:00:02.0');
    write(machine, '/sys/bus/pci/drivers/e1000e/bind', '0000:00:02.0');
    expect(summary(events)).toEqual([
      `remove@${E1000E}/net/eth0`, `unbind@${E1000E}`, `add@${E1000E}/net/eth0`, `bind@${E1000E}`,
    ]);
    const pciKeys = [
      'PCI_CLASS=20000', 'PCI_ID=8086:10D3', 'PCI_SUBSYS_ID=8086:0000', 'PCI_SLOT_NAME=0000:00:02.0',
    ];
    const modalias = 'MODALIAS=pci:v00008086d000010D3sv00008086sd00000000bc02sc00i00';
    // unbind: no DRIVER (already gone) and MODALIAS zapped, so udev does not load the module again.
    expect(events[1]?.env).toEqual([
      'ACTION=unbind', `DEVPATH=${E1000E}`, 'SUBSYSTEM=pci', ...pciKeys, `SEQNUM=${start + 2}`,
    ]);
    expect(events[3]?.env).toEqual([
      'ACTION=bind', `DEVPATH=${E1000E}`, 'SUBSYSTEM=pci', 'DRIVER=e1000e', ...pciKeys, modalias, `SEQNUM=${start + 4}`,
    ]);
    expect(events.map((event) => event.seqnum)).toEqual([start + 1, start + 2, start + 3, start + 4]);
    expect(machine.read('/sys/kernel/uevent_seqnum')).toEqual({ ok: true, value: `${start + 4}\n` });
    // A class device's keys: its own subsystem, INTERFACE and IFINDEX.
    expect(events[2]?.env.slice(2, 5)).toEqual(['SUBSYSTEM=net', 'INTERFACE=eth0', expect.stringMatching(/^IFINDEX=\d+$/)]);
  });

  it('a removed device keeps MODALIAS in its remove event; unbind comes first', () => {
    const machine = boot('qemu-q35');
    const events = record(machine);
    write(machine, '/sys/bus/pci/devices/0000:00:02.0/remove', '1');
    expect(summary(events)).toEqual([`remove@${E1000E}/net/eth0`, `unbind@${E1000E}`, `remove@${E1000E}`]);
    expect(events[2]?.env).toContain('MODALIAS=pci:v00008086d000010D3sv00008086sd00000000bc02sc00i00');
  });

  it('each new VF sends add, then change, then bind; a driver loaded for them sends its own add after the binds, then the module', () => {
    const machine = boot('qemu-q35');
    const events = record(machine);
    write(machine, '/sys/bus/pci/devices/0000:00:06.0/sriov_numvfs', '2');
    const vf0 = '/devices/pci0000:00/0000:00:16.0';
    const vf1 = '/devices/pci0000:00/0000:00:16.2';
    expect(summary(events)).toEqual([`add@${vf0}`, `change@${vf0}`, `add@${vf1}`, `change@${vf1}`]);
    machine.settle();
    expect(summary(events.slice(4))).toEqual([
      `add@${vf0}/net/eth5`, `bind@${vf0}`, `add@${vf1}/net/eth6`, `bind@${vf1}`,
      'add@/bus/pci/drivers/igbvf', 'add@/module/igbvf',
    ]);
    expect(events.at(-2)?.env).toEqual(['ACTION=add', 'DEVPATH=/bus/pci/drivers/igbvf', 'SUBSYSTEM=drivers', `SEQNUM=${events.at(-2)?.seqnum}`]);
    expect(events.at(-1)?.subsystem).toBe('module');
  });

  it('a VF captured by vfio-pci: the datagram of kernel-abi.md 7.2', () => {
    const machine = boot('sf-lab');
    write(machine, '/sys/bus/pci/devices/0000:06:00.0/driver_override', 'vfio-pci');
    write(machine, '/sys/bus/pci/drivers/mlx5_core/unbind', '0000:06:00.0');
    write(machine, '/sys/bus/pci/drivers_probe', '0000:06:00.0');
    machine.modprobe('vfio_pci');
    write(machine, '/sys/module/vfio_pci/parameters/enable_sriov', 'Y');
    const events = record(machine);
    write(machine, '/sys/bus/pci/devices/0000:06:00.0/sriov_numvfs', '1');
    const bind = events.find((event) => event.action === 'bind');
    expect(bind?.env).toEqual([
      'ACTION=bind', 'DEVPATH=/devices/pci0000:00/0000:00:1c.0/0000:06:1f.4', 'SUBSYSTEM=pci', 'DRIVER=vfio-pci',
      'PCI_CLASS=20000', 'PCI_ID=15B3:101E', 'PCI_SUBSYS_ID=15B3:0016', 'PCI_SLOT_NAME=0000:06:1f.4',
      'MODALIAS=pci:v000015B3d0000101Esv000015B3sd00000016bc02sc00i00', `SEQNUM=${bind?.seqnum}`,
    ]);
    // The group's /dev/vfio/N and the device's vfio-dev/vfioN come before the bind.
    expect(summary(events).slice(2, 4)).toEqual([
      expect.stringMatching(/^add@\/devices\/virtual\/vfio\/\d+$/), expect.stringMatching(/vfio-dev\/vfio\d+$/),
    ]);
  });

  it('an mdev parent announces MDEV_STATE before its own keys; mdevs carry no MODALIAS', () => {
    const machine = boot('gvt-lab');
    const events = record(machine);
    expect(machine.modprobe('kvmgt')).toEqual({ ok: true, value: undefined });
    const change = events.find((event) => event.action === 'change');
    expect(change?.env.slice(0, 5)).toEqual([
      'ACTION=change', 'DEVPATH=/devices/pci0000:00/0000:00:02.0', 'SUBSYSTEM=pci', 'MDEV_STATE=registered', 'DRIVER=i915',
    ]);
    write(machine, '/sys/bus/pci/devices/0000:00:02.0/mdev_supported_types/i915-GVTg_V5_4/create', '11111111-2222-3333-4444-555555555555');
    const mdev = events.filter((event) => event.subsystem === 'mdev');
    expect(mdev.map((event) => event.action)).toEqual(['add', 'bind']);
    expect(mdev[1]?.env.slice(3, -1)).toEqual(['DRIVER=intel_vgpu_mdev']);
    // Unregistration removes the mdevs first, then says so, all before the parent's own unbind.
    const before = events.length;
    write(machine, '/sys/bus/pci/drivers/i915/unbind', '0000:00:02.0');
    const teardown = events.slice(before).map((event) => `${event.action} ${event.subsystem} ${event.env.find((key) => key.startsWith('MDEV_STATE=')) ?? ''}`.trim());
    expect(teardown).toEqual(['remove vfio-dev', 'remove vfio', 'unbind mdev', 'remove mdev', 'change pci MDEV_STATE=unregistered', 'remove drm', 'unbind pci']);
  });

  it('vdpa dev add: add without MODALIAS, then bind; vhost-vdpa-N sends nothing', () => {
    const machine = boot('qemu-q35');
    const events = record(machine);
    expect(machine.vdpaDevAdd({ name: 'vdpa1', mgmtdev: 'vdpasim_net' })).toEqual({ ok: true, value: undefined });
    expect(events.map((event) => event.env.slice(0, -1))).toEqual([
      ['ACTION=add', 'DEVPATH=/devices/vdpa1', 'SUBSYSTEM=vdpa'],
      ['ACTION=bind', 'DEVPATH=/devices/vdpa1', 'SUBSYSTEM=vdpa', 'DRIVER=vhost_vdpa'],
    ]);
    expect(machine.exists('/sys/devices/vdpa1/vhost-vdpa-1')).toBe(true);
  });

  it('writing uevent files synthesises events with SYNTH_ keys; a synthetic unbind has no MODALIAS', () => {
    const machine = boot('qemu-q35');
    const events = record(machine);
    write(machine, '/sys/bus/pci/devices/0000:00:02.0/uevent', 'change');
    write(machine, '/sys/bus/pci/devices/0000:00:02.0/uevent', 'add 00000000-0000-0000-0000-0000000000ab A=b C=d');
    write(machine, '/sys/bus/pci/devices/0000:00:02.0/uevent', 'unbind');
    write(machine, '/sys/bus/pci/drivers/e1000e/uevent', 'add');
    expect(events[0]?.env.slice(0, 5)).toEqual(['ACTION=change', `DEVPATH=${E1000E}`, 'SUBSYSTEM=pci', 'SYNTH_UUID=0', 'DRIVER=e1000e']);
    expect(events[1]?.env.slice(3, 6)).toEqual(['SYNTH_UUID=00000000-0000-0000-0000-0000000000ab', 'SYNTH_ARG_A=b', 'SYNTH_ARG_C=d']);
    expect(events[2]?.env.some((key) => key.startsWith('MODALIAS='))).toBe(false);
    expect(events[2]?.env).toContain('DRIVER=e1000e');
    expect(events[3]?.env.slice(0, 4)).toEqual(['ACTION=add', 'DEVPATH=/bus/pci/drivers/e1000e', 'SUBSYSTEM=drivers', 'SYNTH_UUID=0']);
  });

  it('after unsubscribing a listener hears nothing, and the sequence number still counts', () => {
    const machine = boot('qemu-q35');
    const heard: Uevent[] = [];
    const stop = machine.onUevent((event) => heard.push(event));
    write(machine, '/sys/bus/pci/drivers/e1000e/unbind', '0000:00:02.0');
    stop();
    write(machine, '/sys/bus/pci/drivers/e1000e/bind', '0000:00:02.0');
    expect(heard).toHaveLength(2);
    const after = record(machine);
    write(machine, '/sys/bus/pci/devices/0000:00:02.0/uevent', 'change');
    expect(after[0]?.seqnum).toBe((heard[1]?.seqnum ?? 0) + 3);
  });

  it('a listener that throws does not stop the change or the other listeners', async () => {
    const machine = boot('qemu-q35');
    machine.onUevent(() => {
      throw new Error('listener bug');
    });
    const heard = record(machine);
    const failures: unknown[] = [];
    const onError = (error: unknown): void => {
      failures.push(error);
    };
    process.on('uncaughtException', onError);
    try {
      write(machine, '/sys/bus/pci/drivers/e1000e/unbind', '0000:00:02.0');
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(machine.exists('/sys/bus/pci/devices/0000:00:02.0/driver')).toBe(false);
    expect(heard).toHaveLength(2);
    expect(failures.length).toBeGreaterThan(0);
  });
});
