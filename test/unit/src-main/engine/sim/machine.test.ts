// The machine's public surface: every answer is a typed result with an errno
// name, never an exception, for file operations and for the commands that
// are netlink or programs on a real machine.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../../../src-main/engine/sim/data-dir';
import { boot } from './support/machines';

const OK = { ok: true, value: undefined };

describe('SimMachine', () => {
  it('answers file operations with results', () => {
    const machine = boot('qemu-q35');
    expect(machine.read('/sys/bus/pci/devices/0000:00:02.0/class')).toEqual({ ok: true, value: '0x020000\n' });
    expect(machine.read('/sys/nothing')).toEqual({ ok: false, errno: 'ENOENT' });
    expect(machine.readLink('/sys/bus/pci/devices/0000:00:02.0/driver')).toEqual({ ok: true, value: '../../../bus/pci/drivers/e1000e' });
    expect(machine.list('/sys/bus/pci/devices/0000:00:08.0/power')).toEqual({ ok: true, value: ['control'] });
    expect(machine.stat('/sys/bus/pci/drivers/e1000e/bind')).toEqual({ ok: true, value: { kind: 'file', mode: 0o200 } });
    expect(machine.stat('/sys/bus/pci/devices/0000:00:02.0')).toEqual({ ok: true, value: { kind: 'link', mode: 0o777 } });
    expect(machine.readBytes('/sys/bus/pci/devices/0000:00:02.0/config').ok).toBe(true);
    expect(machine.exists('/dev/vfio/vfio')).toBe(true);
    expect(machine.write('/sys/bus/pci/drivers/e1000e/unbind', '0000:00:02.0\n')).toEqual(OK);
  });

  it('limits driver_override to PAGE_SIZE - 2 bytes, and cuts longer writes at PAGE_SIZE', () => {
    const machine = boot('qemu-q35');
    const file = '/sys/bus/pci/devices/0000:00:08.1/driver_override';
    expect(machine.write(file, `${'x'.repeat(4093)}\n`)).toEqual(OK);
    expect(machine.read(file)).toEqual({ ok: true, value: `${'x'.repeat(4093)}\n` });
    expect(machine.write(file, `${'y'.repeat(4094)}\n`)).toEqual({ ok: false, errno: 'EINVAL' });
    expect(machine.write(file, 'z'.repeat(10000))).toEqual({ ok: false, errno: 'EINVAL' });
    expect(machine.read(file)).toEqual({ ok: true, value: `${'x'.repeat(4093)}\n` });
  });

  it('modprobe: names with - or _, aliases, parameters checked by type', () => {
    const machine = boot('qemu-q35');
    expect(machine.modprobe('pci-stub')).toEqual(OK);
    expect(machine.exists('/sys/bus/pci/drivers/pci-stub')).toBe(true);
    expect(machine.modprobe('vdpa_sim_blk', { shared_backend: 'maybe' })).toEqual(OK);
    expect(machine.modprobe('mdpy', { max_devices: '2' })).toEqual(OK);
    expect(machine.modprobe('nothing_like_it')).toEqual({ ok: false, errno: 'ENOENT' });
    // An alias loads the module that claims it; the driver then takes the waiting device.
    expect(machine.modprobe('virtio:d00000009v00001AF4')).toEqual(OK);
    expect(machine.readLink('/sys/bus/virtio/devices/virtio1/driver')).toEqual({ ok: true, value: '../../../../bus/virtio/drivers/9pnet_virtio' });
  });

  it('a bad parameter value fails the load and leaves the module out', () => {
    const fresh = boot('gvt-lab');
    expect(fresh.modprobe('vfio_pci', { enable_sriov: 'perhaps' })).toEqual({ ok: false, errno: 'EINVAL' });
    expect(fresh.exists('/sys/module/vfio_pci')).toBe(false);
    expect(fresh.modprobe('vfio_pci', { enable_sriov: '1', ids: '8086:3e92' })).toEqual(OK);
    expect(fresh.read('/sys/module/vfio_pci/parameters/enable_sriov')).toEqual({ ok: true, value: 'Y\n' });
    // ids= adds dynamic IDs; the GPU is bound to i915 already, so nothing moves.
    expect(fresh.readLink('/sys/bus/pci/devices/0000:00:02.0/driver')).toEqual({ ok: true, value: '../../../bus/pci/drivers/i915' });
    expect(fresh.write('/sys/bus/pci/drivers/vfio-pci/remove_id', '8086 3e92\n')).toEqual(OK);
  });

  it('vdpa and devlink commands answer with results and port handles', () => {
    const machine = boot('sf-lab');
    expect(machine.vdpaDevAdd({ name: 'v', mgmtdev: 'vdpasim_net' })).toEqual({ ok: false, errno: 'ENODEV' });
    expect(machine.vdpaDevDel('v')).toEqual({ ok: false, errno: 'ENODEV' });
    expect(machine.devlinkEswitchSet('pci/0000:06:00.0', 'switchdev')).toEqual(OK);
    const port = machine.devlinkPortAdd('pci/0000:06:00.0', { flavour: 'pcisf', pfnum: 0, sfnum: 3, controller: null, index: null });
    expect(port).toEqual({ ok: true, value: 'pci/0000:06:00.0/32768' });
    expect(machine.devlinkPortFunctionSet('pci/0000:06:00.0/32768', { state: 'active' })).toEqual(OK);
    machine.settle();
    expect(machine.devlinkPortShow('pci/0000:06:00.0/32768')).toEqual({
      ok: true,
      value: {
        handle: 'pci/0000:06:00.0/32768', flavour: 'pcisf', netdev: 'eth2', pfnum: 0, sfnum: 3,
        hwAddr: '00:00:00:00:00:00', state: 'active', opstate: 'attached',
      },
    });
    expect(machine.devlinkPortDel('pci/0000:06:00.0/32768')).toEqual(OK);
    expect(machine.devlinkPortDel('pci/0000:06:00.0/32768')).toEqual({ ok: false, errno: 'ENODEV' });
  });

  it('settling with nothing to do changes nothing', () => {
    const machine = boot('qemu-q35');
    const before = JSON.stringify(machine.toJSON());
    machine.settle();
    expect(JSON.stringify(machine.toJSON())).toBe(before);
  });

  it('finds its data folder from the sources', () => {
    expect(fs.existsSync(path.join(dataDir(), 'scenarios', 'qemu-q35.json'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir(), 'modules-alias', 'modules.alias.debian-6.12.113-amd64'))).toBe(true);
  });
});
