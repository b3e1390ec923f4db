// The SR-IOV server: VFs on one ConnectX port (one of them in a VM through
// the mlx5 VFIO variant driver), the other PFs ready, VF groups of their own,
// and the engine's candidate report offering mlx5_vfio_pci for the VFs.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAliasDatabase } from '../../../../../../src-main/engine/alias/database';
import { candidatesForDevice } from '../../../../../../src-main/engine/alias/report';
import { dataDir } from '../../../../../../src-main/engine/sim/data-dir';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';
import { deviceOf, groupOf, pciFunctionOf, snapshotOf } from '../support/snapshot';

const VFS = ['0000:3b:00.2', '0000:3b:00.3', '0000:3b:00.4', '0000:3b:00.5'];

describe('sriov-server', () => {
  const machine = bootScenario('sriov-server');
  const snapshot = snapshotOf(machine);
  const pci = (name: string): NonNullable<ReturnType<typeof deviceOf>['pci']> => {
    const info = deviceOf(snapshot, `pci/${name}`).pci;
    if (!info) throw new Error(`${name} is not PCI`);
    return info;
  };

  it('has 4 VFs on the first ConnectX port and none elsewhere, with each driver\'s cap', () => {
    const pfs = ['0000:3b:00.0', '0000:3b:00.1', '0000:86:00.0', '0000:86:00.1', '0000:03:00.0', '0000:03:00.1'];
    expect(pfs.map((pf) => [pf, deviceOf(snapshot, `pci/${pf}`).driver, pci(pf).sriov?.numVfs, pci(pf).sriov?.totalVfs])).toEqual([
      ['0000:3b:00.0', 'mlx5_core', 4, 16], ['0000:3b:00.1', 'mlx5_core', 0, 16],
      ['0000:86:00.0', 'ice', 0, 128], ['0000:86:00.1', 'ice', 0, 128],
      ['0000:03:00.0', 'igb', 0, 7], ['0000:03:00.1', 'igb', 0, 7],
    ]);
    expect(pci('0000:3b:00.0').sriov?.vfs).toEqual(VFS);
    expect(snapshot.problems).toEqual([]);
  });

  it('gives every VF a group of its own; one VF is on mlx5_vfio_pci with its group held by a VM', () => {
    expect(VFS.map((vf) => deviceOf(snapshot, `pci/${vf}`).driver)).toEqual(['mlx5_core', 'mlx5_core', 'mlx5_core', 'mlx5_vfio_pci']);
    for (const vf of VFS) expect(groupOf(snapshot, vf)).toEqual([`pci/${vf}`]);
    expect(machine.facts().vfioGroupsInUse).toEqual([deviceOf(snapshot, 'pci/0000:3b:00.5').iommuGroup]);
  });

  it('offers mlx5_vfio_pci, the VFIO variant driver, as a candidate for the VFs', () => {
    const db = loadAliasDatabase({
      root: '/', kernelRelease: null, modulesAliasFile: path.join(dataDir(), 'modules-alias', 'modules.alias.vfio-variants-6.12'),
    });
    const report = candidatesForDevice(db, deviceOf(snapshot, 'pci/0000:3b:00.2'), '/', machine.source);
    expect(report.candidates.map((candidate) => [candidate.module, candidate.kind])).toEqual(expect.arrayContaining([
      ['mlx5_core', 'driver'], ['mlx5_vfio_pci', 'vfio-variant'], ['vfio_pci', 'vfio-generic'],
    ]));
    expect(report.vfio).toBe('mlx5_vfio_pci');
    expect(report.candidates.find((candidate) => candidate.module === 'mlx5_vfio_pci')?.loaded).toBe(true);
  });

  it('has udev bind the E810\'s VFs to iavf when enabled, the last of port 2\'s on the next bus, which its root port covers', () => {
    expect(machine.read('/sys/bus/pci/devices/0000:85:00.0/subordinate_bus_number')).toEqual({ ok: true, value: '135\n' });
    const copy = bootScenario('sriov-server');
    expect(copy.write('/sys/bus/pci/devices/0000:86:00.1/sriov_numvfs', '128\n')).toEqual({ ok: true, value: undefined });
    expect(copy.readLink('/sys/bus/pci/devices/0000:86:00.1/virtfn0')).toEqual({ ok: true, value: '../0000:86:11.0' });
    expect(copy.readLink('/sys/bus/pci/devices/0000:86:00.1/virtfn127')).toEqual({ ok: true, value: '../0000:87:00.7' });
    // udev loads iavf for the new VFs.
    copy.settle();
    expect(copy.readLink('/sys/bus/pci/devices/0000:87:00.7/driver')).toEqual({ ok: true, value: '../../../../bus/pci/drivers/iavf' });
  });

  it('keeps the console on the BMC\'s VGA, behind its PCIe-to-PCI bridge in one group', () => {
    expect(deviceOf(snapshot, 'pci/0000:02:00.0')).toMatchObject({ driver: 'ast', pci: { bootVga: true } });
    expect(groupOf(snapshot, '0000:02:00.0')).toEqual(['pci/0000:01:00.0', 'pci/0000:02:00.0']);
    expect(pciFunctionOf(machine, `drm/${machine.facts().display}`)).toBe('0000:02:00.0');
  });

  it('boots from the M.2 disk, keeps VM images on the first U.2 drive and routes by the LOM', () => {
    expect(machine.facts().mounts.map((mount) => [mount.target, pciFunctionOf(machine, `block/${mount.source.slice(5)}`)])).toEqual([
      ['/', '0000:18:00.0'], ['/boot/efi', '0000:18:00.0'], ['/var/lib/libvirt/images', '0000:af:00.0'],
    ]);
    expect(['0000:af:00.0', '0000:b0:00.0', '0000:b1:00.0', '0000:b2:00.0'].map((name) => deviceOf(snapshot, `pci/${name}`).driver))
      .toEqual(['nvme', 'nvme', 'nvme', 'nvme']);
    expect(machine.facts().defaultRoute).toEqual(['eno1']);
    expect(pciFunctionOf(machine, 'net/eno1')).toBe('0000:03:00.0');
  });
});
