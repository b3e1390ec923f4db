// The inventory of a host: plain readonly data that crosses every boundary
// (engine -> CLI JSON, main -> renderer). No behaviour lives here.

/** `<bus>/<name>`, e.g. `pci/0000:00:02.0`, `usb/1-1:1.0`. Unique in a snapshot. */
export type DeviceId = string;

/** A class device hanging off a bus device: what people call the device by. */
export interface ClassDevice {
  /** The class, e.g. `net`, `block`, `drm`, `nvme`, `vfio-dev`. */
  readonly subsystem: string;
  /** e.g. `enp3s0`, `nvme0n1`, `card0`. */
  readonly name: string;
}

/** One `mdev_supported_types/<type>` of an mdev parent. */
export interface MdevType {
  /** The directory name, e.g. `i915-GVTg_V5_4`, `mtty-2`. */
  readonly id: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly deviceApi: string | null;
  readonly availableInstances: number | null;
  /** Names (lowercase UUIDs) of the mdevs of this type. */
  readonly devices: readonly string[];
}

/** SR-IOV capability of a physical function. */
export interface SriovInfo {
  readonly totalVfs: number;
  readonly numVfs: number;
  readonly offset: number | null;
  readonly stride: number | null;
  /** `sriov_vf_device` exactly as sysfs prints it: plain hex, no `0x`. */
  readonly vfDevice: string | null;
  readonly driversAutoprobe: boolean | null;
  /** The VFs' device names, in `virtfnN` order. */
  readonly vfs: readonly string[];
}

export interface PciInfo {
  /** Strings exactly as sysfs shows them: `0x8086`, `0x020000`, `0x03`. */
  readonly vendor: string;
  readonly device: string;
  readonly subsystemVendor: string;
  readonly subsystemDevice: string;
  readonly class: string;
  readonly revision: string;
  /** True only on the VGA device the firmware booted with. */
  readonly bootVga: boolean;
  /** Enabled reset methods in order; null when the device has no reset support. */
  readonly resetMethods: readonly string[] | null;
  readonly sriov: SriovInfo | null;
  /** For a VF: its PF's device name. */
  readonly physfn: string | null;
  readonly mdevTypes: readonly MdevType[];
  /** PCI-to-PCI bridges (header type 1) and CardBus bridges. */
  readonly isBridge: boolean;
}

export interface UsbInfo {
  /** `idVendor`/`idProduct` of the USB device (or of the interface's device). */
  readonly vendor: string;
  readonly product: string;
  /** `bDeviceClass` for a device, `bInterfaceClass` for an interface, 2 hex digits. */
  readonly class: string | null;
  readonly manufacturer: string | null;
  readonly productName: string | null;
  /** Link speed in Mbit/s, as sysfs prints it. */
  readonly speed: string | null;
  readonly isInterface: boolean;
}

/**
 * Names from the system's hwdata (`pci.ids`, `usb.ids`), as `lspci -vmm` shows
 * them; null where the database has no entry or no database was found.
 */
export interface DeviceNames {
  readonly vendor: string | null;
  readonly device: string | null;
  readonly subsystemVendor: string | null;
  readonly subsystemDevice: string | null;
  /** The most specific class name lspci prints: subclass, else class. */
  readonly class: string | null;
  /** The programming interface name, when the database has one (`NVM Express`). */
  readonly progIf: string | null;
}

export interface Device {
  readonly id: DeviceId;
  readonly bus: string;
  readonly name: string;
  /** Under the snapshot's root, e.g. `/sys/devices/pci0000:00/0000:00:02.0`. */
  readonly sysfsPath: string;
  /** The nearest ancestor that is itself a device on a bus, if any. */
  readonly parent: DeviceId | null;
  readonly modalias: string | null;
  readonly driver: string | null;
  /** The module that provides the bound driver; null when built in or unbound. */
  readonly driverModule: string | null;
  /** null when unset (sysfs reads `(null)`) or when the bus has no override. */
  readonly driverOverride: string | null;
  /** Whether this bus offers `driver_override` at all. */
  readonly supportsOverride: boolean;
  readonly iommuGroup: number | null;
  readonly classDevices: readonly ClassDevice[];
  readonly names: DeviceNames;
  readonly pci: PciInfo | null;
  readonly usb: UsbInfo | null;
}

export interface Driver {
  readonly bus: string;
  readonly name: string;
  /** The owning module; null for built-in drivers without a recorded module. */
  readonly module: string | null;
  /** Names of the devices bound to it, in order. */
  readonly devices: readonly string[];
}

export interface Bus {
  readonly name: string;
  readonly driversAutoprobe: boolean | null;
  readonly deviceCount: number;
  readonly driverCount: number;
}

export interface IommuGroup {
  readonly id: number;
  /** Default-domain type (`DMA`, `identity`, ...), null if unreadable. */
  readonly type: string | null;
  readonly devices: readonly DeviceId[];
}

/** Something that went wrong while reading, kept so the user can see it. */
export interface ScanProblem {
  readonly path: string;
  /** errno name (`EACCES`, `EIO`, ...) or `EPARSE` for unexpected content. */
  readonly code: string;
  readonly message: string;
}

export type HostKind = 'linux' | 'sim';

export interface HostInfo {
  /** Stable identifier: `local`, or `sim:<scenario>`. */
  readonly id: string;
  readonly kind: HostKind;
  /** What the UI shows: `This computer (debian)`, `Simulation: workstation`. */
  readonly label: string;
  /** The sysfs root being read; `/` for the live machine. */
  readonly root: string;
  readonly kernelRelease: string | null;
  /** Whether the tree is captured (read-only) rather than the live machine. */
  readonly readOnly: boolean;
}

/** A host the user can switch to: this computer, the tree Bindery was started on, a simulation. */
export interface HostChoice {
  /** `local`, `tree:<path>` or `sim:<scenario>`, as HostInfo.id. */
  readonly id: string;
  readonly kind: HostKind;
  readonly label: string;
  /** One line on what it is, for the host menu. */
  readonly description: string;
}

export interface Snapshot {
  readonly host: HostInfo;
  /** ISO 8601 time the scan started. */
  readonly takenAt: string;
  readonly buses: readonly Bus[];
  /** Sorted by bus, then by name in the bus's natural order. */
  readonly devices: readonly Device[];
  readonly drivers: readonly Driver[];
  readonly iommuGroups: readonly IommuGroup[];
  readonly problems: readonly ScanProblem[];
}
