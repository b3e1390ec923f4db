// What drivers do that a user notices, as data: which manage DMA themselves
// (kernel-abi.md 3.7), which refuse a device in probe, which support SR-IOV
// and with what cap (3.5, 8.3), and what a bound driver creates (a netdev,
// an NVMe controller and disk, a DRM card, VFIO device files...). A driver
// not listed just binds.
import type { ProbeErrno } from '../../errno';

/** What a driver's probe creates; each has a behaviour in this folder. */
export type Creation =
  | 'net' | 'nvme' | 'virtio-blk' | 'drm' | 'sound'
  | 'vfio-pci' | 'vfio-mdev'
  | 'virtio-pci' | 'virtio-vdpa' | 'vhost-vdpa'
  | 'mlx5' | 'mlx5-sf' | 'mlx5-eth' | 'mlx5-vdpa' | 'netdevsim';

/** Conditions under which a probe refuses the device. */
export type RefuseWhen =
  | 'always'
  /** Not a type-0 header (vfio_pci_core_register_device). */
  | 'bridge'
  /** A PF with VFs enabled. */
  | 'pf-with-vfs'
  /** The device has no IOMMU group (vfio_register_group_dev). */
  | 'no-iommu-group'
  /** pcieport binds only to PCIe root and switch ports. */
  | 'not-pcie-port'
  /** vfio_pci_is_denylisted(): Intel QAT functions. */
  | 'denylisted'
  /** virtio-pci owns only device IDs 0x1000-0x107f. */
  | 'not-virtio-range';

export interface SriovProfile {
  /** The cap the driver sets with pci_sriov_set_totalvfs() while bound. */
  readonly maxVfs?: number;
  /** `module.param` that must be true, else sriov_configure gives ENOENT (vfio-pci's enable_sriov). */
  readonly enableParam?: string;
  /** Whether the driver's remove() disables SR-IOV (nvme leaves VFs behind). */
  readonly disableOnRemove: boolean;
  /** New VFs get `driver_override` set to this driver (vfio_pci_bus_notifier). */
  readonly vfOverride?: boolean;
}

export interface DriverProfile {
  /** driver_managed_dma: binding does not take the IOMMU group's default domain. */
  readonly dmaManaged?: boolean;
  /** Checked in order before anything is created. */
  readonly refuses?: readonly { readonly when: RefuseWhen; readonly errno: ProbeErrno }[];
  readonly sriov?: SriovProfile;
  readonly creates?: readonly Creation[];
}

const NET: DriverProfile = { creates: ['net'] };
const DRM: DriverProfile = { creates: ['drm'] };
const REFUSES: DriverProfile = { refuses: [{ when: 'always', errno: 'ENODEV' }] };
const MDEV_VFIO: DriverProfile = { creates: ['vfio-mdev'] };

const VFIO_REFUSALS = [
  { when: 'denylisted', errno: 'EINVAL' },
  { when: 'bridge', errno: 'EINVAL' },
  { when: 'pf-with-vfs', errno: 'EBUSY' },
  { when: 'no-iommu-group', errno: 'EINVAL' },
] as const;

const VFIO_PCI: DriverProfile = {
  dmaManaged: true,
  refuses: VFIO_REFUSALS,
  sriov: { enableParam: 'vfio_pci.enable_sriov', disableOnRemove: true, vfOverride: true },
  creates: ['vfio-pci'],
};

/** Variant drivers call vfio_pci_core_sriov_configure() directly: no enable_sriov. */
const VFIO_VARIANT: DriverProfile = {
  dmaManaged: true,
  refuses: VFIO_REFUSALS,
  sriov: { disableOnRemove: true, vfOverride: true },
  creates: ['vfio-pci'],
};

const PROFILES: Readonly<Record<string, DriverProfile>> = {
  'vfio-pci': VFIO_PCI,
  'pci-stub': { dmaManaged: true },
  pcieport: { dmaManaged: true, refuses: [{ when: 'not-pcie-port', errno: 'ENODEV' }] },
  // The firmware keeps hotplug control of conventional bridges on the machines modelled here.
  shpchp: REFUSES,
  // intel-agp and friends find no graphics memory controller on modelled chipsets.
  'agpgart-intel': REFUSES,
  'agpgart-sis': REFUSES,
  'agpgart-via': REFUSES,
  'virtio-pci': { refuses: [{ when: 'not-virtio-range', errno: 'ENODEV' }], creates: ['virtio-pci'] },
  e1000: NET,
  e1000e: NET,
  igb: { creates: ['net'], sriov: { maxVfs: 7, disableOnRemove: true } },
  igc: NET,
  igbvf: NET,
  ixgbe: { creates: ['net'], sriov: { maxVfs: 63, disableOnRemove: true } },
  ixgbevf: NET,
  i40e: { creates: ['net'], sriov: { maxVfs: 128, disableOnRemove: true } },
  iavf: NET,
  ice: { creates: ['net'], sriov: { maxVfs: 256, disableOnRemove: true } },
  bnxt_en: { creates: ['net'], sriov: { disableOnRemove: true } },
  r8169: NET,
  tg3: NET,
  atlantic: NET,
  virtio_net: NET,
  'mlx5_core': { creates: ['mlx5'], sriov: { disableOnRemove: true } },
  'mlx5_core.eth': { creates: ['mlx5-eth'] },
  'mlx5_core.sf': { creates: ['mlx5-sf'] },
  'mlx5_vdpa.vnet': { creates: ['mlx5-vdpa'] },
  nvme: { creates: ['nvme'], sriov: { disableOnRemove: false } },
  virtio_blk: { creates: ['virtio-blk'] },
  i915: DRM,
  xe: DRM,
  amdgpu: DRM,
  ast: DRM,
  radeon: DRM,
  nouveau: DRM,
  'bochs-drm': DRM,
  qxl: DRM,
  virtio_gpu: DRM,
  snd_hda_intel: { creates: ['sound'] },
  vhost_vdpa: { creates: ['vhost-vdpa'] },
  virtio_vdpa: { creates: ['virtio-vdpa'] },
  mtty: MDEV_VFIO,
  mdpy: MDEV_VFIO,
  mbochs: MDEV_VFIO,
  intel_vgpu_mdev: MDEV_VFIO,
  netdevsim: { creates: ['netdevsim'] },
};

const DEFAULT: DriverProfile = {};

export function driverProfile(bus: string, name: string): DriverProfile {
  const profile = PROFILES[name];
  if (profile) return profile;
  if (bus === 'pci' && name.endsWith('_vfio_pci')) return VFIO_VARIANT;
  return DEFAULT;
}

/** vfio_pci_is_denylisted(): QAT devices that must not go to userspace this way. */
export const VFIO_DENYLIST: readonly (readonly [number, number])[] = [
  [0x8086, 0x0435], [0x8086, 0x37c8], [0x8086, 0x19e2], [0x8086, 0x6f54],
];
