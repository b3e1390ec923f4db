// From a scenario's PCI functions to the simulated hardware: numbers parsed,
// multi-function header bits set, bridge bus ranges completed, VF templates
// filled from the PF, NVMe partition tables laid out.
import type { MdevParentSpec, NvmeNamespace, PciHardware, PcieType } from '../kernel/state';
import { parsePciName } from '../kernel/pci/address';
import { vfRoutingId } from '../kernel/pci/sriov';
import type { ScenarioFunction, ScenarioMdev } from './schema';

export const parseHex = (text: string): number => parseInt(text.replace(/^0x/i, ''), 16);
export const byteOf = (value: number | string): number => (typeof value === 'number' ? value : parseHex(value));

/** The namespace size when the scenario gives none: 64 MiB. */
const DEFAULT_SECTORS = 131072;
const SECTORS_PER_MIB = 2048;
const SECTORS_PER_GIB = 2097152;
/** The backup GPT at the end of the disk: its header and 32 sectors of entries, after which nothing may lie. */
export const GPT_BACKUP_SECTORS = 33;

/**
 * What a partitioning tool writes: the first partition at 1 MiB, each next
 * one where the last ended, a partition without a size up to the last whole
 * MiB before the backup GPT.
 */
function namespaces(spec: ScenarioFunction['nvmeNamespaces']): NvmeNamespace[] {
  if (typeof spec === 'number') return Array.from({ length: spec }, () => ({ sectors: DEFAULT_SECTORS, partitions: [] }));
  return spec.map((namespace) => {
    const sectors = namespace.sizeGiB === undefined ? DEFAULT_SECTORS : Math.floor(namespace.sizeGiB * SECTORS_PER_GIB);
    let start = SECTORS_PER_MIB;
    const partitions = namespace.partitions.map((partition) => {
      const end = partition.sizeMiB === undefined
        ? Math.floor((sectors - GPT_BACKUP_SECTORS) / SECTORS_PER_MIB) * SECTORS_PER_MIB
        : start + partition.sizeMiB * SECTORS_PER_MIB;
      const entry = { start, sectors: end - start, name: partition.name ?? null };
      start = end;
      return entry;
    });
    return { sectors, partitions };
  });
}

function ids(pair: string): [number, number] {
  const [vendor = '0', device = '0'] = pair.split(':');
  return [parseHex(vendor), parseHex(device)];
}

function mdevSpec(mdev: ScenarioMdev): MdevParentSpec {
  return {
    parentDriver: mdev.parentDriver,
    mdevDriver: mdev.mdevDriver,
    maxInstances: mdev.maxInstances ?? null,
    pools: mdev.pools,
    types: mdev.types.map((type) => ({
      sysfsName: type.name, prettyName: type.pretty ?? null, description: type.description ?? null, deviceApi: type.deviceApi,
      cost: type.pool === undefined ? null : { pool: type.pool, units: type.cost },
    })),
  };
}

/** The hardware of every scenario function, without bridges' subordinate numbers yet. */
function baseHardware(spec: ScenarioFunction, multifunction: boolean): PciHardware {
  const address = parsePciName(spec.address);
  if (!address) throw new Error(`bad address ${spec.address}`);
  const [vendor, device] = ids(spec.id);
  const [subsystemVendor, subsystemDevice] = ids(spec.subsystem);
  const classCode = parseHex(spec.class);
  const revision = byteOf(spec.revision);
  const sriov = spec.sriov;
  return {
    ...address,
    ids: { vendor, device, subsystemVendor, subsystemDevice, classCode, revision },
    headerType: (spec.bridge ? 1 : 0) | (multifunction ? 0x80 : 0),
    bridge: spec.bridge ? { secondary: byteOf(spec.bridge.secondary), subordinate: byteOf(spec.bridge.subordinate ?? spec.bridge.secondary) } : null,
    pcie: (spec.pcie ?? null) as PcieType | null,
    resetMethods: spec.resetMethods,
    bootVga: spec.bootVga,
    groupKey: spec.group === undefined || spec.group === null ? null : String(spec.group),
    sriov: sriov ? {
      totalVfs: sriov.totalVfs, offset: sriov.offset, stride: sriov.stride, vfDevice: parseHex(sriov.vfDevice), vfGroups: sriov.vfGroups,
      vf: {
        classCode: sriov.vf.class === undefined ? classCode : parseHex(sriov.vf.class),
        revision: sriov.vf.revision === undefined ? revision : byteOf(sriov.vf.revision),
        subsystemVendor: sriov.vf.subsystem === undefined ? subsystemVendor : ids(sriov.vf.subsystem)[0],
        subsystemDevice: sriov.vf.subsystem === undefined ? subsystemDevice : ids(sriov.vf.subsystem)[1],
        resetMethods: sriov.vf.resetMethods ?? ['flr'],
        probeFails: sriov.vf.probeFails ?? {},
      },
    } : null,
    probeFails: spec.probeFails,
    mdev: spec.mdev ? mdevSpec(spec.mdev) : null,
    devlink: spec.devlink ?? null,
    nvmeNamespaces: namespaces(spec.nvmeNamespaces),
    netdev: spec.netdev ?? null,
    label: spec.label ?? null,
  };
}

/** Every bus number a function and its VFs (at TotalVFs) use. */
function busesOf(hw: PciHardware): number[] {
  const buses = [hw.bus];
  if (hw.sriov) buses.push(vfRoutingId(hw, hw.sriov.totalVfs - 1).bus);
  return buses;
}

/**
 * The machine's PCI hardware. A slot with several functions gets the
 * multi-function bit; a bridge without an explicit subordinate bus covers
 * every bus below it, VF buses included.
 */
export function pciHardware(specs: readonly ScenarioFunction[]): PciHardware[] {
  const slots = new Map<string, number>();
  for (const spec of specs) {
    const slot = spec.address.slice(0, -2);
    slots.set(slot, (slots.get(slot) ?? 0) + 1);
  }
  const hardware = specs.map((spec) => baseHardware(spec, (slots.get(spec.address.slice(0, -2)) ?? 0) > 1));
  const below = (secondary: number, domain: number, seen: Set<number>): number => {
    let max = secondary;
    seen.add(secondary);
    for (const hw of hardware) {
      if (hw.domain !== domain || hw.bus !== secondary) continue;
      for (const bus of busesOf(hw)) max = Math.max(max, bus);
      if (hw.bridge && !seen.has(hw.bridge.secondary)) max = Math.max(max, below(hw.bridge.secondary, domain, seen));
    }
    return max;
  };
  return hardware.map((hw, i) => {
    const explicit = specs[i]?.bridge?.subordinate;
    if (!hw.bridge || explicit !== undefined) return hw;
    return { ...hw, bridge: { ...hw.bridge, subordinate: below(hw.bridge.secondary, hw.domain, new Set()) } };
  });
}
