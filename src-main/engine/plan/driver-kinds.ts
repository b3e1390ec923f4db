// What kind of driver a name is, for VFIO (kernel-abi.md 3.7): VFIO drivers
// give a device to userspace; drivers with driver_managed_dma (VFIO drivers,
// pci-stub, pcieport) do not count against a group's viability; every other
// driver on a DMA bus uses the kernel's DMA API and does.
import { isVfioDriver, managesOwnDma } from '../../../src-shared/driver-kinds';
import type { Device } from '../../../src-shared/model';


/** Buses whose dma_configure takes the group's default domain for kernel drivers. */
const DMA_BUSES = new Set(['pci', 'platform', 'amba', 'cdx', 'fsl-mc']);

/** Whether a device bound to `driver` keeps its IOMMU group from being used by VFIO. */
export function blocksViability(device: Device, driver: string | null): boolean {
  if (driver === null || !DMA_BUSES.has(device.bus)) return false;
  return !managesOwnDma(driver);
}

/** A device VFIO already has: on a VFIO driver, or an mdev whose driver made it a VFIO device. */
export function isVfioDevice(device: Device): boolean {
  return isVfioDriver(device.driver) || (device.driver !== null && device.classDevices.some((c) => c.subsystem === 'vfio-dev'));
}

export function isBridge(device: Device): boolean {
  return device.pci?.isBridge === true;
}
