// The machine is plain data: after many changes of every kind it serialises
// to JSON and comes back identical, and the copy behaves exactly like the
// original from then on (same results, same uevents, same sequence numbers).
import { describe, expect, it } from 'vitest';
import { SimMachine } from '../../../../../src-main/engine/sim/machine';
import { runScript } from '../../../../../src-main/engine/sim/script/run';
import { boot } from './support/machines';

const CHANGES = `
write /sys/bus/pci/devices/0000:00:06.0/sriov_drivers_autoprobe 0
write /sys/bus/pci/devices/0000:00:06.0/sriov_numvfs 3
write /sys/bus/pci/devices/0000:00:16.2/driver_override vfio-pci
write /sys/bus/pci/drivers_probe 0000:00:16.2
write /sys/bus/pci/devices/0000:01:02.0/driver_override vfio-pci
write /sys/bus/pci/drivers/e1000/unbind 0000:01:02.0
write /sys/bus/pci/drivers/vfio-pci/new_id 8086 100e
write /sys/class/mdev_bus/mtty/mdev_supported_types/mtty-2/create 83b8f4f2-509f-382f-3c1e-e6bfe0fa1001
vdpa dev add name vdpa1 mgmtdev vdpasim_blk
write /sys/bus/vdpa/devices/vdpa1/driver_override virtio_vdpa
write /sys/bus/vdpa/drivers/vhost_vdpa/unbind vdpa1
write /sys/bus/vdpa/drivers_probe vdpa1
write /sys/bus/netdevsim/new_device 11 2
write /sys/bus/pci/devices/0000:00:1f.3/remove 1
write /sys/bus/pci/devices/0000:00:04.0/reset_method
write /sys/kernel/iommu_groups/10/type DMA
modprobe virtio_net
write /sys/bus/virtio/drivers_autoprobe 0
`;

const AFTER = `
settle
ls /sys/bus/pci/devices
write /sys/bus/pci/rescan 1
write /sys/bus/pci/devices/0000:00:06.0/sriov_numvfs 0
write /sys/bus/pci/devices/0000:00:06.0/sriov_numvfs 2
link /sys/bus/pci/devices/0000:00:16.0/iommu_group
write /sys/class/mdev_bus/mtty/mdev_supported_types/mtty-1/create 83b8f4f2-509f-382f-3c1e-e6bfe0fa1002
link /sys/bus/mdev/devices/83b8f4f2-509f-382f-3c1e-e6bfe0fa1002/iommu_group
read /sys/class/mdev_bus/mtty/mdev_supported_types/mtty-1/available_instances
write /sys/bus/pci/drivers/vfio-pci/remove_id 8086 100e
vdpa dev add name vdpa2 mgmtdev vdpasim_net
ls /sys/class/net
read /sys/kernel/uevent_seqnum
`;

function replay(machine: SimMachine): { lines: string[]; events: string[] } {
  const events: string[] = [];
  machine.onUevent((event) => events.push(event.env.join(' ')));
  return { lines: runScript(machine, AFTER), events };
}

describe('machine state as JSON', () => {
  it('comes back identical after many changes, and behaves the same', () => {
    const original = boot('qemu-q35');
    expect(runScript(original, CHANGES).filter((line) => / => err /.test(line))).toEqual([]);
    const json = JSON.stringify(original.toJSON());
    const copy = SimMachine.fromJSON(JSON.parse(json));
    expect(JSON.stringify(copy.toJSON())).toBe(json);
    const a = replay(original);
    const b = replay(copy);
    expect(b.lines).toEqual(a.lines);
    expect(b.events).toEqual(a.events);
    expect(a.events.length).toBeGreaterThan(10);
  });

  it('refuses what is not a machine of this version', () => {
    expect(() => SimMachine.fromJSON({ version: 99 })).toThrow(/state version/);
    expect(() => SimMachine.fromJSON('qemu-q35')).toThrow();
    // A state saved before host facts existed.
    expect(() => SimMachine.fromJSON({ ...boot('qemu-q35').toJSON(), facts: undefined })).toThrow(/state version/);
  });

  it('keeps the host facts and the VFIO groups VMs hold', () => {
    const original = boot('sriov-server');
    const copy = SimMachine.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
    expect(copy.facts()).toEqual(original.facts());
    expect(copy.facts()).toMatchObject({ defaultRoute: ['eno1'], display: 'card0', vfioGroupsInUse: [41] });
    expect(copy.facts().mounts.map((mount) => mount.target)).toEqual(['/', '/boot/efi', '/var/lib/libvirt/images']);
    expect(copy.vfioGroupClose(41)).toEqual({ ok: true, value: undefined });
    expect(SimMachine.fromJSON(copy.toJSON()).facts().vfioGroupsInUse).toEqual([]);
    expect(original.facts().vfioGroupsInUse).toEqual([41]);
  });

  it('a copy is independent of its original', () => {
    const original = boot('qemu-q35');
    const copy = SimMachine.fromJSON(original.toJSON());
    copy.write('/sys/bus/pci/drivers/e1000e/unbind', '0000:00:02.0\n');
    expect(original.exists('/sys/bus/pci/devices/0000:00:02.0/driver')).toBe(true);
    expect(copy.exists('/sys/bus/pci/devices/0000:00:02.0/driver')).toBe(false);
  });
});
