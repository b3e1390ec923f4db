// The host as the planner looks at it: devices by id, IOMMU groups, child
// devices, candidate drivers (computed once per device), and the system facts,
// noting each fact a check needed but the host could not tell.
import type { CandidateReport } from '../../../src-shared/candidates';
import type { Device, DeviceId, Driver, IommuGroup, Snapshot } from '../../../src-shared/model';
import type { DeviceOutcome, Plan } from '../../../src-shared/plan';
import type { AliasDatabase } from '../alias/database';
import { candidatesForDevice } from '../alias/report';
import type { SystemFacts } from '../host/system-facts';
import type { SysfsSource } from '../sysfs/sysfs-source';
import { unknownDevice } from './failures';
import type { PlanInput } from './plan-input';

export type FactName = keyof SystemFacts;

export class PlanContext {
  readonly snapshot: Snapshot;
  readonly aliases: AliasDatabase;
  readonly root: string;
  readonly source: SysfsSource;
  readonly remembered: ReadonlyMap<DeviceId, string>;
  readonly undoOf: { readonly plan: Plan; readonly before: readonly DeviceOutcome[] } | null;
  /** Facts a check needed that the host could not tell, in the order they were asked for. */
  readonly unknownFacts = new Set<FactName>();
  private readonly facts: SystemFacts;
  private readonly byId: ReadonlyMap<DeviceId, Device>;
  private readonly order: ReadonlyMap<DeviceId, number>;
  private readonly groups: ReadonlyMap<number, IommuGroup>;
  private readonly children = new Map<DeviceId, Device[]>();
  private readonly reports = new Map<DeviceId, CandidateReport>();

  constructor(input: PlanInput) {
    this.snapshot = input.snapshot;
    this.aliases = input.aliases;
    this.root = input.root;
    this.source = input.source;
    this.remembered = input.remembered;
    this.undoOf = input.undoOf;
    this.facts = input.facts;
    this.byId = new Map(input.snapshot.devices.map((d) => [d.id, d]));
    this.order = new Map(input.snapshot.devices.map((d, i) => [d.id, i]));
    this.groups = new Map(input.snapshot.iommuGroups.map((g) => [g.id, g]));
    for (const device of input.snapshot.devices) {
      if (device.parent === null) continue;
      const siblings = this.children.get(device.parent);
      if (siblings) siblings.push(device);
      else this.children.set(device.parent, [device]);
    }
  }

  /** The device, or an UNKNOWN_DEVICE failure naming it. */
  device(id: DeviceId): Device {
    const device = this.byId.get(id);
    if (!device) throw unknownDevice(id, this.snapshot.host.label);
    return device;
  }

  find(id: DeviceId): Device | undefined {
    return this.byId.get(id);
  }

  /** Snapshot order (bus, then natural name order): how plans list devices. */
  compare = (a: Device, b: Device): number => (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0);

  group(id: number): IommuGroup | undefined {
    return this.groups.get(id);
  }

  /** Every member of the device's IOMMU group (the device included); none without a group. */
  groupMembers(device: Device): Device[] {
    if (device.iommuGroup === null) return [];
    return (this.groups.get(device.iommuGroup)?.devices ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }

  /**
   * What a device's driver created below it (netdev parents, USB devices,
   * mdevs, sub-functions, vDPA devices...), at any depth, but not the PCI
   * devices behind a bridge: those are devices in their own right.
   */
  createdBelow(device: Device): Device[] {
    const found: Device[] = [];
    const pending = [...(this.children.get(device.id) ?? [])];
    for (let next = pending.shift(); next; next = pending.shift()) {
      if (next.bus === 'pci') continue;
      found.push(next);
      pending.push(...(this.children.get(next.id) ?? []));
    }
    return found.sort(this.compare);
  }

  /** Class devices of the device and of what its driver created below it (`net/enp6s0`, `block/sda`). */
  classDevicesOf(device: Device, subsystem: string): string[] {
    return [device, ...this.createdBelow(device)]
      .flatMap((d) => d.classDevices.filter((c) => c.subsystem === subsystem).map((c) => c.name));
  }

  /** The VFs of a PF that are in the snapshot. */
  vfsOf(device: Device): Device[] {
    return (device.pci?.sriov?.vfs ?? []).flatMap((name) => this.byId.get(`${device.bus}/${name}`) ?? []);
  }

  candidates(device: Device): CandidateReport {
    let report = this.reports.get(device.id);
    if (!report) {
      report = candidatesForDevice(this.aliases, device, this.root, this.source);
      this.reports.set(device.id, report);
    }
    return report;
  }

  registeredDriver(bus: string, name: string): Driver | undefined {
    return this.snapshot.drivers.find((d) => d.bus === bus && d.name === name);
  }

  /** A fact for a check; null (unknown) is remembered, so the plan can say what went unchecked. */
  fact<K extends FactName>(name: K): SystemFacts[K] {
    const value = this.facts[name];
    if (value === null) this.unknownFacts.add(name);
    return value;
  }

  busAutoprobe(bus: string): boolean {
    return this.snapshot.buses.find((b) => b.name === bus)?.driversAutoprobe !== false;
  }
}
