// The simulated kernel's state with the indexes every operation needs, so
// nothing is quadratic at 10,000 devices: devices by bus and name, children
// by parent (direct, in class glue directories, under /sys/devices/virtual),
// class members, bound devices per driver, group members, device nodes.
// Behaviour lives in the functions beside it; this class only keeps the
// state and its indexes consistent.
import { Ida } from './ida';
import { deviceUeventKeys } from './modalias';
import type {
  BusRecord, CatalogModule, DevlinkRecord, DriverRecord, GroupRecord, HostFacts, ModuleRecord, PciHardware, PendingWork,
  SimDevice, SimState, VdpaMgmtRecord,
} from './state';
import { SIM_STATE_VERSION } from './state';
import { UeventBus } from './uevents';

type NameIndex = Map<string, number>;

const TOP = -1;

function indexIn<K>(map: Map<K, NameIndex>, key: K): NameIndex {
  let index = map.get(key);
  if (!index) {
    index = new Map();
    map.set(key, index);
  }
  return index;
}

export type NewDevice = Omit<SimDevice, 'id' | 'driver' | 'override' | 'group'> & Partial<Pick<SimDevice, 'override'>>;

export class Kernel {
  readonly events: UeventBus;
  private readonly meta: Omit<SimState, 'devices' | 'ida' | 'drivers' | 'buses' | 'groups'>;
  private readonly devices = new Map<number, SimDevice>();
  private readonly byBus = new Map<string, NameIndex>();
  private readonly direct = new Map<number, NameIndex>();
  private readonly glue = new Map<number, Map<string, NameIndex>>();
  private readonly virtualByClass = new Map<string, NameIndex>();
  private readonly byClass = new Map<string, NameIndex>();
  private readonly bound = new Map<string, Set<number>>();
  private readonly created = new Map<number, Set<number>>();
  private readonly members = new Map<number, Set<number>>();
  private readonly nodes = new Map<string, number>();
  private readonly devpaths = new Map<number, string>();
  private readonly idas = new Map<string, Ida>();
  private readonly busRecords = new Map<string, BusRecord>();
  private readonly driverLists = new Map<string, DriverRecord[]>();
  private readonly groupRecords = new Map<number, GroupRecord>();
  /** Global registration order of drivers, for the state's driver list. */
  private readonly driverOrderIndex = new Map<DriverRecord, number>();
  private driverCounter = 0;

  constructor(state: SimState) {
    if (state.version !== SIM_STATE_VERSION) throw new Error(`Unsupported simulator state version ${String(state.version)}`);
    const { devices, ida, drivers, buses, groups, ...meta } = structuredClone(state);
    this.meta = meta;
    this.events = new UeventBus(this.meta);
    for (const [name, used] of Object.entries(ida)) this.idas.set(name, new Ida(used));
    for (const bus of buses) this.busRecords.set(bus.name, bus);
    for (const driver of drivers) this.addDriverRecord(driver);
    for (const group of groups) {
      this.groupRecords.set(group.id, group);
      this.members.set(group.id, new Set());
    }
    for (const device of devices) this.index(device);
  }

  toJSON(): SimState {
    const ida: Record<string, number[]> = {};
    for (const [name, allocator] of [...this.idas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      ida[name] = allocator.toJSON();
    }
    return structuredClone({
      ...this.meta,
      version: SIM_STATE_VERSION,
      buses: [...this.busRecords.values()],
      drivers: [...this.driverLists.values()].flat().sort((a, b) => this.driverOrder(a) - this.driverOrder(b)),
      groups: [...this.groupRecords.values()].sort((a, b) => a.id - b.id),
      devices: [...this.devices.values()],
      ida,
    });
  }

  // ---- plain fields of the state
  get scenario(): string { return this.meta.scenario; }
  get kernelRelease(): string { return this.meta.kernelRelease; }
  get seqnum(): number { return this.meta.seqnum; }
  get udev(): boolean { return this.meta.udev; }
  set udev(on: boolean) { this.meta.udev = on; }
  get iommuType(): string | null { return this.meta.iommuType; }
  get classes(): string[] { return this.meta.classes; }
  get modules(): ModuleRecord[] { return this.meta.modules; }
  get catalog(): CatalogModule[] { return this.meta.catalog; }
  get removedPci(): PciHardware[] { return this.meta.removedPci; }
  get vdpaMgmt(): VdpaMgmtRecord[] { return this.meta.vdpaMgmt; }
  get devlink(): DevlinkRecord[] { return this.meta.devlink; }
  get pending(): PendingWork[] { return this.meta.pending; }
  get vfioFiles(): number[] { return (this.meta.vfioFiles ??= []); }
  get facts(): HostFacts { return this.meta.facts; }

  nextIfindex(): number {
    this.meta.ifindex += 1;
    return this.meta.ifindex;
  }

  nextDiskseq(): number {
    this.meta.diskseq += 1;
    return this.meta.diskseq;
  }

  ida(name: string): Ida {
    let allocator = this.idas.get(name);
    if (!allocator) {
      allocator = new Ida();
      this.idas.set(name, allocator);
    }
    return allocator;
  }

  // ---- buses and drivers
  buses(): Iterable<BusRecord> { return this.busRecords.values(); }
  bus(name: string): BusRecord | undefined { return this.busRecords.get(name); }

  addBus(name: string): void {
    if (!this.busRecords.has(name)) this.busRecords.set(name, { name, autoprobe: true });
  }

  private driverOrder(driver: DriverRecord): number {
    return this.driverOrderIndex.get(driver) ?? 0;
  }

  private addDriverRecord(driver: DriverRecord): void {
    const list = this.driverLists.get(driver.bus);
    if (list) list.push(driver);
    else this.driverLists.set(driver.bus, [driver]);
    this.driverOrderIndex.set(driver, this.driverCounter++);
  }

  /** Registers a driver at the end of its bus's list (klist_add_tail). */
  addDriver(driver: DriverRecord): void {
    if (this.driver(driver.bus, driver.name)) throw new Error(`Driver ${driver.bus}/${driver.name} registered twice`);
    this.addDriverRecord(driver);
  }

  /** Drivers of a bus in registration order. */
  drivers(bus: string): readonly DriverRecord[] {
    return this.driverLists.get(bus) ?? [];
  }

  driver(bus: string, name: string): DriverRecord | undefined {
    return this.drivers(bus).find((driver) => driver.name === name);
  }

  boundTo(bus: string, driver: string): Iterable<SimDevice> {
    const ids = this.bound.get(`${bus}/${driver}`) ?? [];
    return [...ids].map((id) => this.device(id));
  }

  // ---- modules
  module(name: string): ModuleRecord | undefined {
    return this.meta.modules.find((module) => module.name === name);
  }

  // ---- devices
  device(id: number): SimDevice {
    const device = this.devices.get(id);
    if (!device) throw new Error(`No simulated device ${id}`);
    return device;
  }

  findDevice(id: number): SimDevice | undefined {
    return this.devices.get(id);
  }

  allDevices(): Iterable<SimDevice> {
    return this.devices.values();
  }

  busDevice(bus: string, name: string): SimDevice | undefined {
    const id = this.byBus.get(bus)?.get(name);
    return id === undefined ? undefined : this.devices.get(id);
  }

  /** Devices of a bus in the order they were added (klist_devices). */
  busDevices(bus: string): SimDevice[] {
    return [...(this.byBus.get(bus)?.values() ?? [])].map((id) => this.device(id));
  }

  busDeviceNames(bus: string): Iterable<string> {
    return this.byBus.get(bus)?.keys() ?? [];
  }

  /** A child directory that is a device (bus, plain, or a class device under a class device). */
  directChild(parent: number | null, name: string): SimDevice | undefined {
    const id = this.direct.get(parent ?? TOP)?.get(name);
    return id === undefined ? undefined : this.devices.get(id);
  }

  directChildren(parent: number | null): SimDevice[] {
    return [...(this.direct.get(parent ?? TOP)?.values() ?? [])].map((id) => this.device(id));
  }

  /** The class glue directories under a device (`net`, `nvme`, `vfio-dev`...). */
  glueClasses(parent: number): string[] {
    return [...(this.glue.get(parent)?.keys() ?? [])];
  }

  glueMembers(parent: number, cls: string): NameIndex | undefined {
    return this.glue.get(parent)?.get(cls);
  }

  virtualClasses(): string[] {
    return [...this.virtualByClass.keys()];
  }

  virtualMembers(cls: string): NameIndex | undefined {
    return this.virtualByClass.get(cls);
  }

  classMembers(cls: string): NameIndex | undefined {
    return this.byClass.get(cls);
  }

  usedClasses(): string[] {
    return [...this.byClass.keys()];
  }

  createdBy(id: number): SimDevice[] {
    return [...(this.created.get(id) ?? [])].map((child) => this.device(child));
  }

  devnodes(): ReadonlyMap<string, number> {
    return this.nodes;
  }

  /** The device's path below /sys, as uevents carry it. */
  devpath(dev: SimDevice): string {
    let path = this.devpaths.get(dev.id);
    if (path === undefined) {
      const parent = dev.parent === null ? null : this.device(dev.parent);
      if (dev.cls !== null && parent === null) path = `/devices/virtual/${dev.cls}/${dev.name}`;
      else if (dev.cls !== null && parent !== null && parent.cls === null) path = `${this.devpath(parent)}/${dev.cls}/${dev.name}`;
      else if (parent !== null) path = `${this.devpath(parent)}/${dev.name}`;
      else path = `/devices/${dev.name}`;
      this.devpaths.set(dev.id, path);
    }
    return path;
  }

  /** Whether a device of this name could be added under `parent` without a clash. */
  nameTaken(spec: Pick<SimDevice, 'name' | 'bus' | 'cls' | 'parent'>): boolean {
    if (spec.bus !== null && this.byBus.get(spec.bus)?.has(spec.name)) return true;
    if (spec.cls !== null && this.byClass.get(spec.cls)?.has(spec.name)) return true;
    return this.placeOf(spec).has(spec.name);
  }

  private placeOf(dev: Pick<SimDevice, 'cls' | 'parent'>): NameIndex {
    if (dev.cls !== null) {
      if (dev.parent === null) return indexIn(this.virtualByClass, dev.cls);
      if (this.device(dev.parent).cls === null) {
        let classes = this.glue.get(dev.parent);
        if (!classes) {
          classes = new Map();
          this.glue.set(dev.parent, classes);
        }
        return indexIn(classes, dev.cls);
      }
    }
    return indexIn(this.direct, dev.parent ?? TOP);
  }

  /** Puts a new device into the tree (no uevent: device_add does that). */
  insert(spec: NewDevice): SimDevice {
    if (this.nameTaken(spec)) throw new Error(`Simulated device name clash: ${spec.name}`);
    const device: SimDevice = { ...spec, id: this.meta.nextId++, driver: null, override: spec.override ?? null, group: null };
    this.index(device);
    return device;
  }

  private index(device: SimDevice): void {
    this.devices.set(device.id, device);
    this.placeOf(device).set(device.name, device.id);
    if (device.bus !== null) indexIn(this.byBus, device.bus).set(device.name, device.id);
    if (device.cls !== null) indexIn(this.byClass, device.cls).set(device.name, device.id);
    if (device.driver !== null && device.bus !== null) this.boundSet(device.bus, device.driver).add(device.id);
    if (device.createdBy !== null) {
      let set = this.created.get(device.createdBy);
      if (!set) {
        set = new Set();
        this.created.set(device.createdBy, set);
      }
      set.add(device.id);
    }
    if (device.group !== null) this.groupMembers(device.group).add(device.id);
    if (device.devnode) this.nodes.set(device.devnode.name, device.id);
  }

  /** Takes a device out of the tree (no uevent). */
  remove(device: SimDevice): void {
    this.devices.delete(device.id);
    this.unplace(device);
    if (device.bus !== null) this.byBus.get(device.bus)?.delete(device.name);
    if (device.cls !== null) this.byClass.get(device.cls)?.delete(device.name);
    if (device.driver !== null && device.bus !== null) this.boundSet(device.bus, device.driver).delete(device.id);
    if (device.createdBy !== null) this.created.get(device.createdBy)?.delete(device.id);
    this.created.delete(device.id);
    if (device.group !== null) this.members.get(device.group)?.delete(device.id);
    if (device.devnode) this.nodes.delete(device.devnode.name);
    this.devpaths.delete(device.id);
  }

  /** Out of whichever directory index holds it; empty class directories go too. */
  private unplace(device: SimDevice): void {
    if (device.cls !== null && device.parent === null) {
      const members = this.virtualByClass.get(device.cls);
      members?.delete(device.name);
      if (members?.size === 0) this.virtualByClass.delete(device.cls);
      return;
    }
    const classes = device.parent === null ? undefined : this.glue.get(device.parent);
    const glued = device.cls === null ? undefined : classes?.get(device.cls);
    if (glued?.get(device.name) === device.id) {
      glued.delete(device.name);
      if (glued.size === 0 && device.cls !== null) classes?.delete(device.cls);
      return;
    }
    this.direct.get(device.parent ?? TOP)?.delete(device.name);
  }

  /** device_rename(): the same device under a new name (no uevent: the caller sends `move`). */
  rename(device: SimDevice, name: string): void {
    if (this.nameTaken({ ...device, name })) throw new Error(`Simulated device name clash: ${name}`);
    this.unplace(device);
    if (device.bus !== null) this.byBus.get(device.bus)?.delete(device.name);
    if (device.cls !== null) this.byClass.get(device.cls)?.delete(device.name);
    device.name = name;
    this.placeOf(device).set(name, device.id);
    if (device.bus !== null) indexIn(this.byBus, device.bus).set(name, device.id);
    if (device.cls !== null) indexIn(this.byClass, device.cls).set(name, device.id);
    // Paths below it change too; renames are rare enough to forget them all.
    this.devpaths.clear();
  }

  private boundSet(bus: string, driver: string): Set<number> {
    const key = `${bus}/${driver}`;
    let set = this.bound.get(key);
    if (!set) {
      set = new Set();
      this.bound.set(key, set);
    }
    return set;
  }

  setDriver(device: SimDevice, driver: string | null): void {
    if (device.bus === null) throw new Error(`${device.name} is on no bus`);
    if (device.driver !== null) this.boundSet(device.bus, device.driver).delete(device.id);
    device.driver = driver;
    if (driver !== null) this.boundSet(device.bus, driver).add(device.id);
  }

  // ---- IOMMU groups
  groups(): Iterable<GroupRecord> {
    return this.groupRecords.values();
  }

  group(id: number): GroupRecord | undefined {
    return this.groupRecords.get(id);
  }

  groupByKey(key: string): GroupRecord | undefined {
    for (const group of this.groupRecords.values()) if (group.key === key) return group;
    return undefined;
  }

  groupMembers(id: number): Set<number> {
    let set = this.members.get(id);
    if (!set) {
      set = new Set();
      this.members.set(id, set);
    }
    return set;
  }

  addGroup(group: GroupRecord): void {
    this.groupRecords.set(group.id, group);
    this.members.set(group.id, new Set());
  }

  deleteGroup(id: number): void {
    this.groupRecords.delete(id);
    this.members.delete(id);
  }

  setGroup(device: SimDevice, group: number | null): void {
    if (device.group !== null) this.members.get(device.group)?.delete(device.id);
    device.group = group;
    if (group !== null) this.groupMembers(group).add(device.id);
  }

  // ---- uevents
  /** A device uevent with the device's own keys (read when the event is built). */
  emitDevice(action: Parameters<UeventBus['emit']>[0], device: SimDevice, callerKeys: readonly string[] = []): void {
    if (device.bus === null && device.cls === null) return;
    const subsystem = device.bus ?? device.cls ?? '';
    this.events.emit(action, { devpath: this.devpath(device), subsystem, keys: () => deviceUeventKeys(device) }, callerKeys);
  }

  /** A uevent of a kobject that is not a device: a bus, a driver, a module, a class. */
  emitObject(action: Parameters<UeventBus['emit']>[0], devpath: string, subsystem: string, callerKeys: readonly string[] = []): void {
    this.events.emit(action, { devpath, subsystem, keys: () => [] }, callerKeys);
  }
}
