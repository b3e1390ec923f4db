// The whole simulated machine as plain data: it serialises to JSON and back
// (the simulated host persists between CLI invocations), and holds no
// behaviour. The Kernel class indexes it; the functions beside it act on it.
import type { ProbeErrno } from '../errno';

// 2: host facts, NVMe namespaces with partitions, netdev names, devlink params.
export const SIM_STATE_VERSION = 2;

/** A PCI function's identity as its config space presents it. */
export interface PciIds {
  readonly vendor: number;
  readonly device: number;
  readonly subsystemVendor: number;
  readonly subsystemDevice: number;
  /** 24 bits: base class, subclass, prog-if. */
  readonly classCode: number;
  readonly revision: number;
}

/** PCI Express port types that matter here (pcieport binds only to ports). */
export type PcieType = 'root-port' | 'upstream-port' | 'downstream-port' | 'endpoint' | 'integrated-endpoint';

/** One mdev type a parent offers (kernel-abi.md 4.1). */
export interface MdevTypeSpec {
  /** `type->sysfs_name`; the directory is `<driver string>-<sysfsName>`. */
  readonly sysfsName: string;
  readonly prettyName: string | null;
  readonly description: string | null;
  readonly deviceApi: string;
  /** What one instance takes from the parent's pool (parents with get_available()); null with a shared counter. */
  readonly cost: { readonly pool: string; readonly units: number } | null;
}

export interface MdevPool {
  readonly size: number;
  /** What the driver's probe returns when the pool is exhausted. */
  readonly probeError: ProbeErrno;
}

/** What makes a device an mdev parent once the right drivers are there. */
export interface MdevParentSpec {
  /** The parent's own driver that must be bound (null: a virtual parent without a driver). */
  readonly parentDriver: string | null;
  /** The mdev driver (on the mdev bus) that binds each new mdev. */
  readonly mdevDriver: string;
  /**
   * `mdev_driver.max_instances`: a counter shared by all types of the parent,
   * EUSERS at create when exhausted. null: the driver's get_available() over its pools.
   */
  readonly maxInstances: number | null;
  readonly types: readonly MdevTypeSpec[];
  readonly pools: Readonly<Record<string, MdevPool>>;
}

/** The hardware of a PCI function (what a rescan finds again). */
export interface PciHardware {
  readonly domain: number;
  readonly bus: number;
  readonly devfn: number;
  readonly ids: PciIds;
  /** Header type byte: 0 endpoint, 1 PCI-to-PCI bridge; bit 7 multi-function. */
  readonly headerType: number;
  readonly bridge: { readonly secondary: number; readonly subordinate: number } | null;
  readonly pcie: PcieType | null;
  /** Reset methods the device supports, in the kernel's priority order. */
  readonly resetMethods: readonly string[];
  readonly bootVga: boolean;
  /**
   * The scenario's isolation domain: devices with the same key share an IOMMU
   * group. null: the IOMMU does not translate for it (AMD's IOMMU function), so it has no group.
   */
  readonly groupKey: string | null;
  readonly sriov: SriovHardware | null;
  /** Drivers whose probe fails on this device, and how. */
  readonly probeFails: Readonly<Record<string, ProbeErrno>>;
  readonly mdev: MdevParentSpec | null;
  /** Sub-function support behind the device's devlink instance (mlx5). */
  readonly devlink: { readonly maxSfs: number } | null;
  readonly nvmeNamespaces: readonly NvmeNamespace[];
  /** The name udev gives the function's netdev (`enp5s0`); null leaves the kernel's `eth%d`. */
  readonly netdev: string | null;
  /** What people call it, for the scenario's readers only. */
  readonly label: string | null;
}

/** A namespace an NVMe controller shows, with the partitions its label holds. */
export interface NvmeNamespace {
  /** In 512-byte sectors. */
  readonly sectors: number;
  readonly partitions: readonly PartitionSpec[];
}

/** A partition table entry: where it starts and how long it is, in sectors, and its GPT name. */
export interface PartitionSpec {
  readonly start: number;
  readonly sectors: number;
  readonly name: string | null;
}

/** What every VF of a PF looks like (read from VF0 and reused, kernel-abi.md 3.5). */
export interface VfTemplate {
  readonly classCode: number;
  readonly revision: number;
  readonly subsystemVendor: number;
  readonly subsystemDevice: number;
  readonly resetMethods: readonly string[];
  readonly probeFails: Readonly<Record<string, ProbeErrno>>;
}

export interface SriovHardware {
  /** TotalVFs of the capability. */
  readonly totalVfs: number;
  readonly offset: number;
  readonly stride: number;
  readonly vfDevice: number;
  /** `own`: each VF gets a group of its own (ACS); `pf`: VFs join the PF's group. */
  readonly vfGroups: 'own' | 'pf';
  readonly vf: VfTemplate;
}

export interface SriovState {
  readonly hw: SriovHardware;
  numVfs: number;
  /** `driver_max_VFs` lowered by the bound PF driver; null means TotalVFs. */
  driverMaxVfs: number | null;
  driversAutoprobe: boolean;
  /** VF device ids in index order. */
  vfs: number[];
}

export interface PciState {
  readonly hw: PciHardware;
  /** Enabled reset methods, in order (`reset_method`). */
  resetMethods: string[];
  enableCount: number;
  numaNode: number;
  sriov: SriovState | null;
  /** For a VF: its PF's device id and its index. */
  readonly physfn: number | null;
  readonly vfIndex: number | null;
}

export interface VdpaDeviceState {
  readonly mgmtdev: string;
  readonly userCreated: boolean;
  /** Virtio device ID (1 net, 2 block) and vendor ID reported by the config ops. */
  readonly virtioId: number;
  readonly vendorId: number;
  readonly mac: string | null;
  readonly mtu: number | null;
  readonly maxVqp: number | null;
}

export interface DevNode {
  readonly major: number;
  readonly minor: number;
  /** Under /dev: `vfio/12`, `nvme0`, `vhost-vdpa-0`. */
  readonly name: string;
}

export interface NetState {
  readonly ifindex: number;
  readonly address: string;
  mtu: number;
}

/** A registered mdev parent: its types with the driver string fixed at registration. */
export interface MdevParentState {
  readonly spec: MdevParentSpec;
  /** `dev_driver_string(parent)` at registration: the prefix of every type id. */
  readonly prefix: string;
  /** The shared counter (`maxInstances` parents). */
  available: number;
  /** Remaining units per pool. */
  readonly pools: Record<string, number>;
}

/**
 * A kobject under /sys/devices: a bus device (`bus` set), a class device
 * (`cls` set) or a plain device (neither, like `pci0000:00`).
 */
export interface SimDevice {
  readonly id: number;
  /** Changes only through Kernel.rename() (udev renaming a netdev). */
  name: string;
  readonly parent: number | null;
  readonly bus: string | null;
  readonly cls: string | null;
  driver: string | null;
  override: string | null;
  group: number | null;
  /** The device whose driver binding created this one; it goes when that driver unbinds. */
  readonly createdBy: number | null;
  readonly devnode: DevNode | null;
  /** `DEVTYPE=` of the device type (`disk` for a block device). */
  readonly devtype?: string;
  /** A partition: its disk's sequence number and its GPT name, which its uevent carries. */
  readonly part?: { readonly diskseq: string; readonly name: string | null };
  pci?: PciState;
  virtio?: { readonly device: number; readonly vendor: number };
  platform?: { readonly name: string };
  aux?: { readonly sfnum: number | null };
  mdev?: { readonly parent: number; readonly type: string };
  vdpa?: VdpaDeviceState;
  net?: NetState;
  nsim?: { readonly nsimId: number; readonly ports: number; numVfs: number };
  mdevParent?: MdevParentState;
  /** Class devices of kinds without a model of their own: attribute name -> content. */
  attrs?: Record<string, string>;
  /** Numbers this device holds in the kernel's IDAs, given back when it goes (or, for `eth%d`, when renamed). */
  ids?: readonly (readonly [ida: string, n: number])[];
}

export interface PciDynId {
  readonly vendor: number;
  readonly device: number;
  readonly subvendor: number;
  readonly subdevice: number;
  readonly classCode: number;
  readonly classMask: number;
  readonly driverData: number;
}

export interface DriverRecord {
  readonly bus: string;
  readonly name: string;
  /** The owning module, or the recorded name of a built-in one; null when none. */
  readonly module: string | null;
  /** Static ID table as modalias patterns (`pci:v...`, `vfio_pci:...`, `virtio:...`). */
  readonly patterns: readonly string[];
  /** `driver_data` values of the static table, for new_id's check. */
  readonly driverData: readonly number[];
  dynids: PciDynId[];
}

export interface ParamSpec {
  readonly type: 'bool' | 'int' | 'uint' | 'string';
  readonly default: string;
  /** sysfs mode of /sys/module/<m>/parameters/<p>; 0 hides it. */
  readonly mode: number;
}

/** A loadable module the machine has on disk. */
export interface CatalogModule {
  readonly name: string;
  readonly deps: readonly string[];
  readonly drivers: readonly DriverDecl[];
  readonly params: Readonly<Record<string, ParamSpec>>;
}

export interface DriverDecl {
  readonly bus: string;
  readonly name: string;
  readonly patterns: readonly string[];
  readonly driverData: readonly number[];
}

export interface ModuleRecord {
  readonly name: string;
  readonly builtin: boolean;
  /** Parameter values as sysfs prints them (`Y`, `N`, `0`, text). */
  readonly params: Record<string, string>;
}

export interface GroupRecord {
  readonly id: number;
  /** The scenario's isolation domain, or null for a group of its own. */
  readonly key: string | null;
  /** Default-domain type as `type` reads (`identity`, `DMA`, `DMA-FQ`); emulated groups have none. */
  type: string | null;
  /** Userspace holds the group through a VFIO container (DMA ownership claimed). */
  userOwned: boolean;
}

export interface VdpaMgmtRecord {
  /** The mgmtdev handle as iproute2 writes it: `vdpasim_net`, `pci/0000:06:00.0`. */
  readonly handle: string;
  readonly kind: 'sim-net' | 'sim-blk' | 'vduse' | 'mlx5';
  /** What the devices' config ops report as the virtio vendor ID. */
  readonly vendorId: number;
  /** Virtio device IDs it can create. */
  readonly classes: readonly number[];
  readonly attrs: readonly VdpaAttr[];
  readonly maxVqs: number;
  /** The device the vdpa devices hang under; null for /sys/devices itself. */
  readonly parent: number | null;
}

export type VdpaAttr = 'mac' | 'mtu' | 'max_vqp' | 'features';

/** mlx5's vhca states of a sub-function (kernel-abi.md 6.2). */
export type SfHwState = 'ALLOCATED' | 'ACTIVE' | 'IN_USE' | 'TEARDOWN_REQUEST';

export interface SfRecord {
  readonly sfnum: number;
  readonly pfnum: number;
  readonly controller: number;
  /** Slot in the hardware table; the port index is derived from it. */
  readonly slot: number;
  hwAddr: string;
  hwState: SfHwState;
  auxDevice: number | null;
  /** The port was deleted; the slot stays taken until the SF has detached. */
  deleted: boolean;
}

export interface DevlinkPortRecord {
  readonly index: number;
  readonly flavour: 'physical' | 'pcisf';
  readonly netdev: number | null;
  readonly sf: SfRecord | null;
}

export interface DevlinkRecord {
  /** `pci/0000:06:00.0`, `netdevsim/netdevsim10`, `auxiliary/mlx5_core.sf.4`. */
  readonly handle: string;
  readonly device: number;
  readonly kind: 'mlx5' | 'mlx5-sf' | 'netdevsim';
  eswitch: 'legacy' | 'switchdev' | null;
  readonly maxSfs: number;
  readonly pfnum: number;
  /** mlx5's auxiliary-device index of this function (shared IDA). */
  readonly adevIdx: number | null;
  ports: DevlinkPortRecord[];
  /** driverinit values of the instance's boolean parameters, applied at the next reload. */
  readonly params: Record<string, boolean>;
}

/** Asynchronous kernel and udev work that `settle` completes. */
export type PendingWork =
  | { readonly kind: 'modprobe'; readonly alias: string }
  | { readonly kind: 'sf-attach'; readonly devlink: string; readonly slot: number }
  | { readonly kind: 'sf-detach'; readonly devlink: string; readonly slot: number }
  /** udev's rename of a new netdev (`eth0` to the name its PCI function's rules give). */
  | { readonly kind: 'net-rename'; readonly device: number; readonly name: string };

export interface BusRecord {
  readonly name: string;
  autoprobe: boolean;
}

/** A mounted filesystem: what `/proc/mounts` says. */
export interface MountFact {
  /** `/dev/nvme0n1p2`, or a filesystem's own source (`tmpfs`, a 9p tag). */
  readonly source: string;
  readonly target: string;
  readonly fstype: string;
}

/**
 * What the host's safety depends on that /sys does not hold: mounted
 * filesystems, the interfaces carrying the default route, and the DRM card
 * driving the desktop (or the console).
 */
export interface HostFacts {
  readonly mounts: readonly MountFact[];
  readonly defaultRoute: readonly string[];
  /** `card1`; null on a headless machine. */
  readonly display: string | null;
}

export interface SimState {
  readonly version: typeof SIM_STATE_VERSION;
  readonly scenario: string;
  readonly kernelRelease: string;
  seqnum: number;
  /** Last ifindex handed out (lo is 1). */
  ifindex: number;
  diskseq: number;
  /** udev loads modules for `add` events with a MODALIAS. */
  udev: boolean;
  /** Default-domain type of new PCI groups; null: the machine has no IOMMU. */
  iommuType: string | null;
  buses: BusRecord[];
  classes: string[];
  drivers: DriverRecord[];
  modules: ModuleRecord[];
  catalog: CatalogModule[];
  devices: SimDevice[];
  groups: GroupRecord[];
  ida: Record<string, number[]>;
  /** PCI hardware that was hot-removed, found again by a rescan. */
  removedPci: PciHardware[];
  vdpaMgmt: VdpaMgmtRecord[];
  devlink: DevlinkRecord[];
  pending: PendingWork[];
  /**
   * Groups whose /dev/vfio/N the simulated user (a VM) holds open. A file
   * stays open when its group goes away with the last VFIO device, as a real
   * one does; absent in states saved before it was kept.
   */
  vfioFiles?: number[];
  nextId: number;
  readonly facts: HostFacts;
}
