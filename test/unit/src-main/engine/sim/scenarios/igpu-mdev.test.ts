// The GVT-g desktop: the iGPU drives the desktop and offers kvmgt's four
// vGPU types, which share the graphics aperture; one vGPU is in a VM and one
// is spare, each in an emulated IOMMU group of its own.
import { describe, expect, it } from 'vitest';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';
import { deviceOf, snapshotOf } from '../support/snapshot';

const IN_VM = '4b6f1c1e-7a0d-4b8e-9c55-2f3a0d9e6b01';
const SPARE = '9d2e5a47-31c8-4f6b-a0e2-7c18b4d3f902';

describe('igpu-mdev', () => {
  const machine = bootScenario('igpu-mdev');
  const snapshot = snapshotOf(machine);
  const igpu = deviceOf(snapshot, 'pci/0000:00:02.0');

  it('offers the four GVT-g types with what is left of the aperture', () => {
    expect(igpu.driver).toBe('i915');
    expect(igpu.pci?.mdevTypes.map((type) => [type.id, type.availableInstances, type.deviceApi, type.devices])).toEqual([
      ['i915-GVTg_V5_1', 0, 'vfio-pci', []],
      ['i915-GVTg_V5_2', 0, 'vfio-pci', []],
      ['i915-GVTg_V5_4', 1, 'vfio-pci', [IN_VM]],
      ['i915-GVTg_V5_8', 3, 'vfio-pci', [SPARE]],
    ]);
    expect(igpu.pci?.mdevTypes.find((type) => type.id === 'i915-GVTg_V5_4')?.description)
      .toBe('low_gm_size: 128MB\nhigh_gm_size: 512MB\nfence: 4\nresolution: 1920x1200\nweight: 4');
    expect(snapshot.problems).toEqual([]);
  });

  it('has both vGPUs on intel_vgpu_mdev, each in a group of its own, the VM holding the first\'s', () => {
    const vgpus = [IN_VM, SPARE].map((uuid) => deviceOf(snapshot, `mdev/${uuid}`));
    expect(vgpus.map((vgpu) => [vgpu.driver, vgpu.parent])).toEqual([['intel_vgpu_mdev', 'pci/0000:00:02.0'], ['intel_vgpu_mdev', 'pci/0000:00:02.0']]);
    const groups = vgpus.map((vgpu) => vgpu.iommuGroup);
    expect(new Set(groups).size).toBe(2);
    expect(groups).not.toContain(igpu.iommuGroup);
    expect(machine.facts().vfioGroupsInUse).toEqual([groups[0]]);
    expect(machine.vfioGroupOpen(groups[0] ?? -1)).toEqual({ ok: false, errno: 'EBUSY' });
  });

  it('runs out of aperture, not of a counter, when more vGPUs are made', () => {
    const copy = bootScenario('igpu-mdev');
    const create = (type: string, uuid: string): unknown => copy.write(`/sys/bus/pci/devices/0000:00:02.0/mdev_supported_types/${type}/create`, `${uuid}\n`);
    expect(create('i915-GVTg_V5_4', '00000000-0000-0000-0000-000000000001')).toEqual({ ok: true, value: undefined });
    expect(copy.read('/sys/bus/pci/devices/0000:00:02.0/mdev_supported_types/i915-GVTg_V5_8/available_instances')).toEqual({ ok: true, value: '1\n' });
    expect(create('i915-GVTg_V5_4', '00000000-0000-0000-0000-000000000002')).toEqual({ ok: false, errno: 'ENOSPC' });
  });

  it('drives the desktop with the iGPU and mounts its NVMe', () => {
    expect(igpu.pci?.bootVga).toBe(true);
    expect(machine.facts()).toMatchObject({ display: 'card0', defaultRoute: ['enp0s31f6'] });
    expect(deviceOf(snapshot, 'pci/0000:01:00.0').classDevices.map((cls) => cls.name)).toEqual(['nvme0n1', 'nvme0n1p1', 'nvme0n1p2', 'nvme0']);
  });
});
