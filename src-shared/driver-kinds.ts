// What kind of driver a name is, for VFIO (kernel-abi.md 3.7). Both the engine
// (plans, viability) and the UI (badges, group states) ask, so it is said once.

/** `vfio-pci`, its variants (`mlx5_vfio_pci`), `vfio-platform`, `vfio-amba`, `vfio-fsl-mc`, `vfio-cdx`. */
export function isVfioDriver(driver: string | null): boolean {
  if (driver === null) return false;
  const name = driver.replaceAll('-', '_');
  return name === 'vfio_pci' || name.endsWith('_vfio_pci') || name.startsWith('vfio_');
}

/** Besides VFIO drivers, the drivers with driver_managed_dma: they do not keep VFIO from a group. */
const OTHER_DMA_MANAGING = new Set(['pci-stub', 'pcieport']);

/** Whether a device bound to `driver` leaves its IOMMU group usable by VFIO. */
export function managesOwnDma(driver: string): boolean {
  return isVfioDriver(driver) || OTHER_DMA_MANAGING.has(driver);
}
