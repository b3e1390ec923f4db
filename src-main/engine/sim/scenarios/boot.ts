// Booting a scenario: the kernel's own start (buses, `lo`, PCI enumeration
// with no drivers yet, platform devices, then the built-in drivers
// registering and attaching in their order), then the scenario's boot steps
// as init would run them, then `settle`.
import type { SimMachine } from '../machine';
import { CORE_BUSES } from '../kernel/buses';
import { CORE } from '../kernel/driver-core';
import { Kernel } from '../kernel/kernel';
import { addPciFunction, addRootBus } from '../kernel/pci/hotplug';
import type { CatalogModule, HostFacts, PciHardware, SimDevice, SimState } from '../kernel/state';
import { SIM_STATE_VERSION } from '../kernel/state';
import { expandPath } from '../script/glob';
import { runLine } from '../script/run';
import { parseStep } from '../script/steps';
import { ScenarioError } from './errors';
import { pciHardware } from './hardware';
import { expandPci } from './repeat';
import type { Scenario } from './schema';

/** Classes every kernel has before any module loads. */
const CORE_CLASSES = ['block', 'misc', 'net', 'pci_bus', 'tty'];

/** pci_scan_child_bus(): a bus's functions in devfn order, then the buses behind its bridges. */
function scanBus(k: Kernel, hardware: readonly PciHardware[], domain: number, bus: number, parent: SimDevice): void {
  const functions = hardware.filter((hw) => hw.domain === domain && hw.bus === bus).sort((a, b) => a.devfn - b.devfn);
  const added = functions.map((hw) => ({ hw, dev: addPciFunction(k, CORE, hw, parent) }));
  for (const { hw, dev } of added) if (hw.bridge) scanBus(k, hardware, domain, hw.bridge.secondary, dev);
}

function enumeratePci(k: Kernel, hardware: readonly PciHardware[]): void {
  const bridged = new Set(hardware.flatMap((hw) => (hw.bridge ? [`${hw.domain}:${hw.bridge.secondary}`] : [])));
  const roots = new Map<string, { domain: number; bus: number }>();
  for (const hw of hardware) {
    const key = `${hw.domain}:${hw.bus}`;
    if (!bridged.has(key)) roots.set(key, { domain: hw.domain, bus: hw.bus });
  }
  for (const { domain, bus } of [...roots.values()].sort((a, b) => a.domain - b.domain || a.bus - b.bus)) {
    scanBus(k, hardware, domain, bus, addRootBus(k, CORE, domain, bus));
  }
}

/** The scenario's facts without its comments. */
function hostFacts(scenario: Scenario): HostFacts {
  const { mounts, defaultRoute, display } = scenario.facts;
  return { mounts: mounts.map(({ source, target, fstype }) => ({ source, target, fstype })), defaultRoute: [...defaultRoute], display };
}

/** The machine as the kernel leaves it before init runs. */
export function bootKernel(scenario: Scenario, catalog: CatalogModule[]): SimState {
  const initial: SimState = {
    version: SIM_STATE_VERSION, scenario: scenario.name, kernelRelease: scenario.kernelRelease,
    seqnum: 0, ifindex: 0, diskseq: 0, udev: scenario.udev,
    iommuType: scenario.iommu === false ? null : scenario.iommu.defaultDomain,
    buses: [], classes: [...CORE_CLASSES], drivers: [], modules: [], catalog, devices: [], groups: [], ida: {},
    removedPci: [], vdpaMgmt: [], devlink: [], pending: [], nextId: 1, facts: hostFacts(scenario),
  };
  const k = new Kernel(initial);
  for (const bus of CORE_BUSES) {
    k.addBus(bus);
    k.emitObject('add', `/bus/${bus}`, 'bus');
  }
  CORE.add(k, {
    name: 'lo', parent: null, bus: null, cls: 'net', createdBy: null, devnode: null,
    net: { ifindex: k.nextIfindex(), address: '00:00:00:00:00:00', mtu: 65536 },
  });
  enumeratePci(k, pciHardware(expandPci(scenario.pci).map(({ spec }) => spec)));
  if (scenario.platform.length > 0) {
    const container = CORE.add(k, { name: 'platform', parent: null, bus: null, cls: null, createdBy: null, devnode: null });
    for (const device of scenario.platform) {
      CORE.add(k, {
        name: device.name, parent: container.id, bus: 'platform', cls: null, createdBy: null, devnode: null,
        platform: { name: device.name.replace(/\.\d+$/, '') },
      });
    }
  }
  for (const driver of scenario.builtinDrivers) {
    if (driver.module !== undefined && !k.module(driver.module)) k.modules.push({ name: driver.module, builtin: true, params: {} });
  }
  for (const driver of scenario.builtinDrivers) {
    CORE.registerDriver(k, {
      bus: driver.bus, name: driver.name, module: driver.module ?? null, patterns: driver.ids,
      driverData: driver.ids.length > 0 ? [0] : [], dynids: [],
    });
  }
  return k.toJSON();
}

/** Runs the boot steps; any step that fails makes the scenario invalid. */
export function runBoot(scenario: Scenario, machine: SimMachine): void {
  scenario.boot.forEach((line, i) => {
    const step = parseStep(line);
    const lines = 'verb' in step && (step.verb === 'write' || step.verb === 'printf') && /[*?[]/.test(step.path)
      ? expandPath(machine, step.path).map((expanded) => line.replace(step.path, expanded))
      : [line];
    for (const expanded of lines) {
      const result = runLine(machine, expanded);
      if (result !== null && (result.startsWith('err ') || result.startsWith('bad step'))) {
        throw new ScenarioError(scenario.name, [`boot[${i}] "${expanded}" failed: ${result}`]);
      }
    }
  });
  machine.settle();
}
