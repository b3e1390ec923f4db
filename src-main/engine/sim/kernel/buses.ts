// What differs between buses (kernel-abi.md 1.6, 1.8): who has
// `driver_override` and a `modalias` file, how a driver is matched, and whether
// binding takes IOMMU DMA ownership (`dma_configure`).

export type MatchRule =
  /** pci_match_device(): override, dynamic IDs, static table, override_only, forced match. */
  | 'pci'
  /** The ID table alone (virtio, auxiliary). */
  | 'id-table'
  /** An override decides alone; else the ID table, else the driver's name. */
  | 'platform'
  /** An override decides alone; else every driver matches (vdpa_dev_match). */
  | 'override-or-all'
  /** mdev_match() always says no: only the parent's driver binds, directly. */
  | 'never'
  /** No match function at all: driver_match_device() returns 1 (netdevsim). */
  | 'all';

export interface BusType {
  readonly override: boolean;
  readonly modaliasFile: boolean;
  readonly match: MatchRule;
  /** Binding a driver that does not manage DMA itself takes the group's default domain. */
  readonly dma: boolean;
}

const BUS_TYPES: Readonly<Record<string, BusType>> = {
  pci: { override: true, modaliasFile: true, match: 'pci', dma: true },
  platform: { override: true, modaliasFile: true, match: 'platform', dma: true },
  virtio: { override: false, modaliasFile: true, match: 'id-table', dma: false },
  auxiliary: { override: false, modaliasFile: false, match: 'id-table', dma: false },
  vdpa: { override: true, modaliasFile: false, match: 'override-or-all', dma: false },
  mdev: { override: false, modaliasFile: false, match: 'never', dma: false },
  netdevsim: { override: false, modaliasFile: false, match: 'all', dma: false },
};

const OTHER: BusType = { override: false, modaliasFile: false, match: 'all', dma: false };

export function busType(bus: string): BusType {
  return BUS_TYPES[bus] ?? OTHER;
}

/** Buses every machine has from boot; others come with their modules (vdpa, mdev, netdevsim). */
export const CORE_BUSES = ['auxiliary', 'pci', 'platform', 'virtio'] as const;
