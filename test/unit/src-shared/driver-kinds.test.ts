// One rule for "is this a VFIO driver" and "does it leave the group to VFIO",
// used by the planner and the UI alike (kernel-abi.md 3.7).
import { describe, expect, it } from 'vitest';
import { isVfioDriver, managesOwnDma } from '../../../src-shared/driver-kinds';

describe('driver kinds', () => {
  it('knows VFIO drivers by their names, variants included, and nothing that only looks alike', () => {
    for (const driver of ['vfio-pci', 'vfio_pci', 'mlx5_vfio_pci', 'nvgrace_gpu_vfio_pci', 'vfio-platform', 'vfio-cdx']) {
      expect(isVfioDriver(driver), driver).toBe(true);
    }
    for (const driver of ['amdgpu', 'pci-stub', 'vfiox', 'novfio', 'mlx5_core', 'my_vfio_thing']) expect(isVfioDriver(driver), driver).toBe(false);
    expect(isVfioDriver(null)).toBe(false);
  });

  it('lets pci-stub, pcieport and VFIO drivers share a group with VFIO; every other driver blocks it', () => {
    for (const driver of ['vfio-pci', 'mlx5_vfio_pci', 'pci-stub', 'pcieport']) expect(managesOwnDma(driver), driver).toBe(true);
    for (const driver of ['snd_hda_intel', 'nvme', 'xhci_hcd']) expect(managesOwnDma(driver), driver).toBe(false);
  });
});
