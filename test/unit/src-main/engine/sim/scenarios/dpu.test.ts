// The DPU host: the BlueField-2's eswitch in switchdev mode, three active
// sub-functions bound to mlx5_core.sf, two of them vDPA management devices
// through mlx5_vdpa, with a vDPA device for a VM and one for the host.
import { describe, expect, it } from 'vitest';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';
import { deviceOf, snapshotOf } from '../support/snapshot';

const PF = 'pci/0000:43:00.0';

describe('dpu', () => {
  const machine = bootScenario('dpu');
  const snapshot = snapshotOf(machine);
  const driver = (id: string): string | null => deviceOf(snapshot, id).driver;

  it('has three active, attached SFs on the first port, each bound to mlx5_core.sf', () => {
    const ports = [32768, 32769, 32770].map((index) => machine.devlinkPortShow(`${PF}/${index}`));
    expect(ports.map((port) => (port.ok ? [port.value.sfnum, port.value.state, port.value.opstate] : port))).toEqual([
      [1, 'active', 'attached'], [2, 'active', 'attached'], [3, 'active', 'attached'],
    ]);
    expect(['auxiliary/mlx5_core.sf.2', 'auxiliary/mlx5_core.sf.3', 'auxiliary/mlx5_core.sf.4'].map(driver)).toEqual([
      'mlx5_core.sf', 'mlx5_core.sf', 'mlx5_core.sf',
    ]);
    expect(machine.read('/sys/bus/auxiliary/devices/mlx5_core.sf.3/sfnum')).toEqual({ ok: true, value: '2\n' });
    expect(snapshot.problems).toEqual([]);
  });

  it('gives the reloaded SFs their vnet devices on mlx5_vdpa, and the third its netdev', () => {
    expect(['auxiliary/mlx5_core.vnet.2', 'auxiliary/mlx5_core.vnet.3'].map(driver)).toEqual(['mlx5_vdpa.vnet', 'mlx5_vdpa.vnet']);
    expect(deviceOf(snapshot, 'auxiliary/mlx5_core.vnet.2').parent).toBe('auxiliary/mlx5_core.sf.2');
    expect(driver('auxiliary/mlx5_core.eth.4')).toBe('mlx5_core.eth');
    expect(snapshot.devices.map((device) => device.id)).not.toContain('auxiliary/mlx5_core.vnet.4');
  });

  it('has vdpa0 on vhost_vdpa for a VM and vdpa1 on virtio_vdpa with a virtio_net interface', () => {
    expect(deviceOf(snapshot, 'vdpa/vdpa0')).toMatchObject({ driver: 'vhost_vdpa', parent: 'auxiliary/mlx5_core.sf.2' });
    expect(deviceOf(snapshot, 'vdpa/vdpa1')).toMatchObject({ driver: 'virtio_vdpa', parent: 'auxiliary/mlx5_core.sf.3', driverOverride: 'virtio_vdpa' });
    expect(machine.exists('/dev/vhost-vdpa-0')).toBe(true);
    const virtio = deviceOf(snapshot, 'virtio/virtio0');
    expect(virtio).toMatchObject({ driver: 'virtio_net', parent: 'vdpa/vdpa1' });
    expect(virtio.classDevices.map((cls) => cls.subsystem)).toEqual(['net']);
  });

  it('keeps the PFs\' own interfaces, with udev\'s names, beside the SFs\' representors', () => {
    expect(deviceOf(snapshot, PF).classDevices.filter((cls) => cls.subsystem === 'net').map((cls) => cls.name))
      .toEqual(['enp67s0f0np0', 'eth0', 'eth1', 'eth2']);
    expect(machine.facts()).toMatchObject({ defaultRoute: ['eno1'], display: 'card0' });
  });

  it('gives the EPYC\'s root complex and IOMMU functions no group', () => {
    expect(deviceOf(snapshot, 'pci/0000:00:00.2').iommuGroup).toBeNull();
    expect(deviceOf(snapshot, 'pci/0000:40:00.0').iommuGroup).toBeNull();
    expect(deviceOf(snapshot, 'pci/0000:43:00.0').iommuGroup).not.toBeNull();
  });
});
