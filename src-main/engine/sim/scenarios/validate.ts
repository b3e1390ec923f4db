// Checks a scenario beyond its schema: things a machine cannot have (two
// functions at one address, VFs landing on another device, two bridges to
// one bus, partitions past the end of their disk), groups given for every
// device exactly when there is an IOMMU, ID patterns that fit their bus,
// mdev pools that exist, a modules.alias file that is there, facts that
// contradict themselves. Every problem is reported, with where it is.
import fs from 'node:fs';
import { aliasNormalize } from '../../alias/normalize';
import { pciName } from '../kernel/pci/address';
import { vfRoutingId } from '../kernel/pci/sriov';
import type { PciHardware } from '../kernel/state';
import { ScenarioError } from './errors';
import { GPT_BACKUP_SECTORS, pciHardware } from './hardware';
import { expandPci } from './repeat';
import type { Scenario } from './schema';
import { scenarioSchema } from './schema';

const PATTERN_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  pci: ['pci:', 'vfio_pci:'],
  platform: ['platform:'],
  virtio: ['virtio:'],
  auxiliary: ['auxiliary:'],
};

function checkAddresses(hardware: readonly PciHardware[], where: readonly string[], problems: string[]): void {
  const owners = new Map<string, string>();
  const claim = (name: string, owner: string): void => {
    const previous = owners.get(name);
    if (previous !== undefined) problems.push(`${owner} uses address ${name}, which ${previous} already uses`);
    else owners.set(name, owner);
  };
  hardware.forEach((hw, i) => claim(pciName(hw.domain, hw.bus, hw.devfn), where[i] ?? ''));
  hardware.forEach((hw, i) => {
    if (!hw.sriov) return;
    for (let vf = 0; vf < hw.sriov.totalVfs; vf += 1) {
      const { bus, devfn } = vfRoutingId(hw, vf);
      if (bus > 0xff) {
        problems.push(`${where[i]}.sriov: VF ${vf} would be on bus ${bus.toString(16)}, past bus ff; lower totalVfs, offset or stride`);
        return;
      }
      claim(pciName(hw.domain, bus, devfn), `${where[i]} VF ${vf}`);
    }
  });
  const bridges = new Map<string, number>();
  hardware.forEach((hw, i) => {
    if (!hw.bridge) return;
    const key = `${hw.domain}:${hw.bridge.secondary}`;
    if (hw.bridge.secondary <= hw.bus) problems.push(`${where[i]}.bridge.secondary must be a bus number above the bridge's own bus`);
    const other = bridges.get(key);
    if (other !== undefined) problems.push(`${where[i]} and ${where[other]} are both bridges to bus ${hw.bridge.secondary.toString(16)}`);
    bridges.set(key, i);
  });
}

/** Partitions inside their namespace, before the backup GPT; a partition without a size only last. */
function checkPartitions(scenario: Scenario, hardware: readonly PciHardware[], where: readonly string[], problems: string[]): void {
  hardware.forEach((hw, i) => {
    hw.nvmeNamespaces.forEach((namespace, n) => {
      const last = namespace.partitions.at(-1);
      if (last && (last.sectors <= 0 || last.start + last.sectors > namespace.sectors - GPT_BACKUP_SECTORS)) {
        problems.push(`${where[i]}.nvmeNamespaces[${n}]: the partitions do not fit in the namespace`);
      }
    });
  });
  scenario.pci.forEach((device, i) => {
    if (typeof device.nvmeNamespaces === 'number') return;
    device.nvmeNamespaces.forEach((namespace, n) => {
      if (namespace.partitions.slice(0, -1).some((partition) => partition.sizeMiB === undefined)) {
        problems.push(`pci[${i}].nvmeNamespaces[${n}].partitions: only the last partition may leave out its size`);
      }
    });
  });
}

/** One filesystem per mount point. */
function checkFacts(scenario: Scenario, problems: string[]): void {
  const targets = new Set<string>();
  scenario.facts.mounts.forEach((mount, i) => {
    if (targets.has(mount.target)) problems.push(`facts.mounts[${i}]: ${mount.target} is mounted twice`);
    targets.add(mount.target);
  });
}

function checkGroups(scenario: Scenario, problems: string[]): void {
  scenario.pci.forEach((device, i) => {
    if (scenario.iommu !== false && device.group === undefined) {
      problems.push(`pci[${i}] (${device.address}): every device needs a "group" when the machine has an IOMMU`);
    }
    if (scenario.iommu === false && device.group !== undefined) {
      problems.push(`pci[${i}] (${device.address}): "group" needs "iommu" to be set`);
    }
  });
}

function checkDrivers(scenario: Scenario, problems: string[]): void {
  const seen = new Set<string>();
  scenario.builtinDrivers.forEach((driver, i) => {
    const key = `${driver.bus}/${driver.name}`;
    if (seen.has(key)) problems.push(`builtinDrivers[${i}]: ${key} is listed twice`);
    seen.add(key);
    driver.ids.forEach((pattern, j) => {
      if (!(PATTERN_PREFIXES[driver.bus] ?? []).some((prefix) => pattern.startsWith(prefix))) {
        problems.push(`builtinDrivers[${i}].ids[${j}]: "${pattern}" is not a ${driver.bus} pattern (${(PATTERN_PREFIXES[driver.bus] ?? []).join(' or ')}...)`);
      } else if (aliasNormalize(pattern) === null) {
        problems.push(`builtinDrivers[${i}].ids[${j}]: "${pattern}" has unbalanced brackets`);
      }
    });
  });
  const modules = new Set<string>();
  scenario.modules.forEach((module, i) => {
    if (modules.has(module)) problems.push(`modules[${i}]: ${module} is listed twice`);
    modules.add(module);
  });
}

function checkMdev(scenario: Scenario, problems: string[]): void {
  scenario.pci.forEach((device, i) => {
    const mdev = device.mdev;
    if (!mdev) return;
    mdev.types.forEach((type, j) => {
      if (type.pool === undefined && mdev.maxInstances === undefined) {
        problems.push(`pci[${i}].mdev.types[${j}]: give the type a "pool", or the parent "maxInstances"`);
      }
      if (type.pool !== undefined && !(type.pool in mdev.pools)) {
        problems.push(`pci[${i}].mdev.types[${j}]: pool "${type.pool}" is not in mdev.pools`);
      }
    });
  });
}

/** The scenario, parsed and checked; throws a ScenarioError listing every problem. */
export function validateScenario(json: unknown, source: string, aliasFile: (name: string) => string): Scenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    throw new ScenarioError(source, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`));
  }
  const scenario = parsed.data;
  const problems: string[] = [];
  const functions = expandPci(scenario.pci, problems);
  const hardware = pciHardware(functions.map(({ spec }) => spec));
  const where = functions.map((entry) => entry.where);
  checkAddresses(hardware, where, problems);
  checkPartitions(scenario, hardware, where, problems);
  checkFacts(scenario, problems);
  checkGroups(scenario, problems);
  checkDrivers(scenario, problems);
  checkMdev(scenario, problems);
  if (!fs.existsSync(aliasFile(scenario.modulesAlias))) {
    problems.push(`modulesAlias: ${aliasFile(scenario.modulesAlias)} does not exist; copy the file into data/modules-alias`);
  }
  if (problems.length > 0) throw new ScenarioError(source, problems);
  return scenario;
}
