// What loading a module does besides registering the drivers that its
// modules.alias lines imply: its dependencies, parameters, the buses and
// classes it registers, drivers without device tables (vDPA and mdev
// drivers, pci-stub), and what its init function creates (vDPA management
// devices, the mdev sample parents, /dev/vfio/vfio).
import type { MdevParentSpec, ParamSpec } from '../state';

export type ModuleInit =
  | 'vfio' | 'vfio-pci-ids' | 'vdpasim-net' | 'vdpasim-blk' | 'vduse' | 'mtty' | 'mdpy' | 'mbochs';

export interface DriverOfModule {
  readonly bus: string;
  readonly name: string;
  /** ID-table patterns when modules.alias has none for it (e.g. built without the option Debian lacks). */
  readonly patterns?: readonly string[];
}

export interface ModuleProfile {
  readonly deps?: readonly string[];
  readonly params?: Readonly<Record<string, ParamSpec>>;
  readonly buses?: readonly string[];
  readonly classes?: readonly string[];
  /**
   * The module's drivers in registration order, when they are not just its
   * alias lines' buses under the module's name; patterns still come from
   * modules.alias when it has lines for that bus.
   */
  readonly drivers?: readonly DriverOfModule[];
  readonly init?: readonly ModuleInit[];
}

const bool = (mode: number): ParamSpec => ({ type: 'bool', default: 'N', mode });

const PROFILES: Readonly<Record<string, ModuleProfile>> = {
  // Debian's 6.12 builds no iommufd (CONFIG_IOMMUFD is off): vfio stands alone.
  vfio: { classes: ['vfio', 'vfio-dev'], init: ['vfio'] },
  vfio_pci_core: { deps: ['vfio', 'irqbypass'] },
  vfio_pci: {
    deps: ['vfio_pci_core'],
    params: {
      ids: { type: 'string', default: '', mode: 0 },
      nointxmask: bool(0o644),
      disable_vga: bool(0o444),
      disable_idle_d3: bool(0o644),
      enable_sriov: bool(0o644),
      disable_denylist: bool(0o444),
    },
    drivers: [{ bus: 'pci', name: 'vfio-pci' }],
    init: ['vfio-pci-ids'],
  },
  vfio_iommu_type1: { deps: ['vfio'] },
  pci_stub: { params: { ids: { type: 'string', default: '', mode: 0 } }, drivers: [{ bus: 'pci', name: 'pci-stub' }] },
  uio_pci_generic: { deps: ['uio'], drivers: [{ bus: 'pci', name: 'uio_pci_generic' }] },
  nvme: { deps: ['nvme_core'] },
  nvme_core: { classes: ['nvme', 'nvme-subsystem'] },
  virtio_net: { deps: ['net_failover'] },
  net_failover: { deps: ['failover'] },
  '9p': { deps: ['9pnet', 'netfs'] },
  '9pnet_virtio': { deps: ['9pnet'] },
  vdpa: { buses: ['vdpa'] },
  vhost_vdpa: { deps: ['vdpa', 'vhost', 'vhost_iotlb'], drivers: [{ bus: 'vdpa', name: 'vhost_vdpa' }] },
  vhost: { deps: ['vhost_iotlb'] },
  virtio_vdpa: { deps: ['vdpa'], drivers: [{ bus: 'vdpa', name: 'virtio_vdpa' }] },
  vduse: { deps: ['vdpa', 'vhost_iotlb'], classes: ['vduse'], init: ['vduse'] },
  vdpa_sim: { deps: ['vdpa', 'vringh', 'vhost_iotlb'] },
  vdpa_sim_net: { deps: ['vdpa_sim'], init: ['vdpasim-net'] },
  vdpa_sim_blk: { deps: ['vdpa_sim'], params: { shared_backend: bool(0o444) }, init: ['vdpasim-blk'] },
  mdev: { classes: ['mdev_bus'], buses: ['mdev'] },
  mtty: { deps: ['mdev', 'vfio'], classes: ['mtty'], drivers: [{ bus: 'mdev', name: 'mtty' }], init: ['mtty'] },
  mdpy: { deps: ['mdev', 'vfio'], classes: ['mdpy'], drivers: [{ bus: 'mdev', name: 'mdpy' }], init: ['mdpy'] },
  mbochs: { deps: ['mdev', 'vfio'], classes: ['mbochs'], drivers: [{ bus: 'mdev', name: 'mbochs' }], init: ['mbochs'] },
  kvmgt: { deps: ['mdev', 'vfio', 'i915'], drivers: [{ bus: 'mdev', name: 'intel_vgpu_mdev' }] },
  netdevsim: { deps: ['psample'], buses: ['netdevsim'], drivers: [{ bus: 'netdevsim', name: 'netdevsim' }] },
  mlx5_core: {
    // mlx5_init(): the auxiliary drivers first, then the PCI driver.
    drivers: [
      { bus: 'auxiliary', name: 'mlx5_core.eth' },
      { bus: 'auxiliary', name: 'mlx5_core.eth-rep' },
      { bus: 'auxiliary', name: 'mlx5_core.sf', patterns: ['auxiliary:mlx5_core.sf'] },
      { bus: 'pci', name: 'mlx5_core' },
    ],
  },
  mlx5_ib: { deps: ['mlx5_core'] },
  // CONFIG_MLX5_VDPA_NET, which Debian does not build: its ID table is written here.
  mlx5_vdpa: {
    deps: ['mlx5_core', 'vdpa', 'vhost_iotlb'],
    drivers: [{ bus: 'auxiliary', name: 'mlx5_vdpa.vnet', patterns: ['auxiliary:mlx5_core.vnet'] }],
  },
  mlx5_vfio_pci: { deps: ['mlx5_core', 'vfio_pci_core'] },
  igbvf: {},
  ixgbevf: {},
  iavf: {},
};

export function moduleProfile(name: string): ModuleProfile {
  return PROFILES[name] ?? {};
}

/** The sample parents' types (samples/vfio-mdev). */
export const SAMPLE_MDEV_PARENTS: Readonly<Record<'mtty' | 'mdpy' | 'mbochs', MdevParentSpec>> = {
  mtty: {
    parentDriver: null,
    mdevDriver: 'mtty',
    maxInstances: null,
    // mtty_get_available(): 24 ports shared, 1 or 2 per device; probe fails with ENOSPC.
    types: [
      { sysfsName: '1', prettyName: 'Single port serial', description: null, deviceApi: 'vfio-pci', cost: { pool: 'ports', units: 1 } },
      { sysfsName: '2', prettyName: 'Dual port serial', description: null, deviceApi: 'vfio-pci', cost: { pool: 'ports', units: 2 } },
    ],
    pools: { ports: { size: 24, probeError: 'ENOSPC' } },
  },
  mdpy: {
    parentDriver: null,
    mdevDriver: 'mdpy',
    maxInstances: null,
    types: [
      { sysfsName: 'vga', prettyName: 'mdpy-vga', description: 'virtual display, 640x480', deviceApi: 'vfio-pci', cost: { pool: 'devices', units: 1 } },
      { sysfsName: 'xga', prettyName: 'mdpy-xga', description: 'virtual display, 1024x768', deviceApi: 'vfio-pci', cost: { pool: 'devices', units: 1 } },
      { sysfsName: 'hd', prettyName: 'mdpy-hd', description: 'virtual display, 1920x1080', deviceApi: 'vfio-pci', cost: { pool: 'devices', units: 1 } },
    ],
    pools: { devices: { size: 4, probeError: 'ENOMEM' } },
  },
  mbochs: {
    parentDriver: null,
    mdevDriver: 'mbochs',
    maxInstances: null,
    types: [
      { sysfsName: 'small', prettyName: 'small', description: 'virtual display, 64 MB video memory', deviceApi: 'vfio-pci', cost: { pool: 'mbytes', units: 64 } },
      { sysfsName: 'medium', prettyName: 'medium', description: 'virtual display, 128 MB video memory', deviceApi: 'vfio-pci', cost: { pool: 'mbytes', units: 128 } },
      { sysfsName: 'large', prettyName: 'large', description: 'virtual display, 256 MB video memory', deviceApi: 'vfio-pci', cost: { pool: 'mbytes', units: 256 } },
    ],
    pools: { mbytes: { size: 256, probeError: 'ENOMEM' } },
  },
};
