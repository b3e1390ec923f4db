// Which driver a device should get, and what Bindery knows about it: the
// VFIO driver by libvirt's rule (the foundation's candidates), the host
// driver to return to (remembered, else the best installed candidate), or a
// driver a person named. Also whether the driver would take the device by
// itself (its ID table), which decides bind versus override + probe.
import type { Candidate } from '../../../src-shared/candidates';
import type { Device } from '../../../src-shared/model';
import type { AliasDatabase } from '../alias/database';
import { moduleDriver, sameDriverName } from '../alias/driver-name';
import type { PlanContext } from './context';
import { isVfioDriver } from '../../../src-shared/driver-kinds';

export interface DriverChoice {
  /** The name `driver_override` and `bind` need (`vfio-pci`, `mlx5_vfio_pci`). */
  readonly driver: string;
  /** The module providing it; null for a built-in driver the kernel records no module for. */
  readonly module: string | null;
  /** Registered now or built in: nothing to load. */
  readonly registered: boolean;
  /** Its ID table lists the device (true), does not (false), or Bindery cannot see it (null: built in, no modules.alias). */
  readonly matchesById: boolean | null;
  /** Why this driver, in words. */
  readonly why: string;
}

const moduleSets = new WeakMap<AliasDatabase, ReadonlySet<string>>();

/** Modules that have aliases in the database: their ID tables are known. */
function aliasedModules(db: AliasDatabase): ReadonlySet<string> {
  let modules = moduleSets.get(db);
  if (!modules) {
    modules = new Set(db.index.entries.map((entry) => entry.module));
    moduleSets.set(db, modules);
  }
  return modules;
}

function registered(ctx: PlanContext, device: Device, driver: string): boolean {
  return ctx.registeredDriver(device.bus, driver) !== undefined;
}

function matchesById(ctx: PlanContext, device: Device, driver: string, module: string | null): boolean | null {
  const report = ctx.candidates(device);
  if (report.candidates.some((c) => c.kind === 'driver' && (sameDriverName(c.driver, driver) || c.module === module))) return true;
  // VFIO drivers' aliases are override_only: they match only through driver_override (kernel-abi.md 2.5).
  if (isVfioDriver(driver)) return false;
  if (ctx.aliases.source.status === 'ok' && module !== null && aliasedModules(ctx.aliases).has(module)) return false;
  return null;
}

/** Whether a module can be loaded here; null when the host cannot tell. */
function installed(ctx: PlanContext, module: string): boolean | null {
  const available = ctx.fact('availableModules');
  return available === null ? null : available.some((m) => sameDriverName(m, module));
}

function fromCandidate(ctx: PlanContext, device: Device, candidate: Candidate, why: string): DriverChoice {
  return {
    driver: candidate.driver,
    module: candidate.module,
    registered: candidate.builtin || registered(ctx, device, candidate.driver),
    matchesById: candidate.kind === 'driver',
    why,
  };
}

export interface VfioChoice extends DriverChoice {
  /** No modules.alias to choose from: the generic vfio-pci without looking for a variant. */
  readonly guessed: boolean;
}

/** The most specific VFIO driver for a PCI device (libvirt's rule); null off PCI. */
export function vfioChoice(ctx: PlanContext, device: Device): VfioChoice | null {
  if (device.bus !== 'pci') return null;
  const report = ctx.candidates(device);
  const candidate = report.candidates.find((c) => c.module === report.vfio && c.kind !== 'driver');
  const generic = report.candidates.find((c) => c.kind === 'vfio-generic');
  if (candidate?.kind === 'vfio-variant' && generic && !candidate.builtin && !candidate.loaded && installed(ctx, candidate.module) === false) {
    // A variant adds features (live migration) but is not needed: the generic driver takes any PCI function.
    const why = `${generic.driver}: ${candidate.driver}, the VFIO variant driver for it, is not installed, and the generic driver works too `
      + '(without what the variant adds, such as live migration).';
    return { ...fromCandidate(ctx, device, generic, why), matchesById: false, guessed: false };
  }
  if (candidate) {
    const why = candidate.kind === 'vfio-variant'
      ? `${candidate.driver} is the VFIO variant driver for it (${candidate.alias}). ${candidate.reason}`
      : `${candidate.driver} is the VFIO driver for it: no variant driver lists it.`;
    return { ...fromCandidate(ctx, device, candidate, why), matchesById: false, guessed: false };
  }
  return {
    driver: 'vfio-pci',
    module: 'vfio_pci',
    registered: registered(ctx, device, 'vfio-pci'),
    matchesById: false,
    why: 'vfio-pci, the generic VFIO driver: without modules.alias Bindery cannot look for a variant driver.',
    guessed: true,
  };
}

/** A driver known by name (a person's, the history's), or null when this host has none of that name. */
export function driverByName(ctx: PlanContext, device: Device, name: string, why: string): DriverChoice | null {
  const onBus = ctx.snapshot.drivers.find((d) => d.bus === device.bus && sameDriverName(d.name, name));
  if (onBus) {
    return { driver: onBus.name, module: onBus.module, registered: true, matchesById: matchesById(ctx, device, onBus.name, onBus.module), why };
  }
  const candidate = ctx.candidates(device).candidates.find((c) => sameDriverName(c.driver, name) || sameDriverName(c.module, name));
  if (candidate) return { ...fromCandidate(ctx, device, candidate, why), matchesById: matchesById(ctx, device, candidate.driver, candidate.module) };
  const known = installed(ctx, name) === true || aliasedModules(ctx.aliases).has(name.replaceAll('-', '_'));
  if (!known) return null;
  const module = name.replaceAll('-', '_');
  const driver = moduleDriver(ctx.root, module, device.bus, null, ctx.source).driver;
  return { driver, module, registered: false, matchesById: matchesById(ctx, device, driver, module), why };
}

export interface HostChoice {
  readonly choice: DriverChoice | null;
  /** Better candidates passed over because their modules are not installed. */
  readonly notInstalled: readonly string[];
}

/** The driver to give a device back to: the one it had before Bindery moved it, else the best installed candidate. */
export function hostChoice(ctx: PlanContext, device: Device): HostChoice {
  const remembered = ctx.remembered.get(device.id);
  if (remembered !== undefined) {
    const why = `${remembered}, the driver it had before Bindery gave it to VFIO.`;
    const choice = driverByName(ctx, device, remembered, why)
      ?? { driver: remembered, module: remembered.replaceAll('-', '_'), registered: false, matchesById: null, why };
    return { choice, notInstalled: [] };
  }
  const notInstalled: string[] = [];
  for (const candidate of ctx.candidates(device).candidates) {
    if (candidate.kind !== 'driver') continue;
    const ready = candidate.builtin || candidate.loaded || registered(ctx, device, candidate.driver);
    if (ready || installed(ctx, candidate.module) !== false) {
      const best = notInstalled.length === 0 ? 'the best host driver for it' : 'the best installed host driver for it';
      return { choice: fromCandidate(ctx, device, candidate, `${candidate.driver}, ${best}: ${candidate.reason}`), notInstalled };
    }
    notInstalled.push(candidate.module);
  }
  return { choice: null, notInstalled };
}

/** A VF probes only if its PF allows it (sriov_drivers_autoprobe) or it has an override (kernel-abi.md 3.5). */
export function vfMayProbe(ctx: PlanContext, device: Device, override: string | null): boolean {
  const physfn = device.pci?.physfn ?? null;
  if (physfn === null || override !== null) return true;
  return ctx.find(`${device.bus}/${physfn}`)?.pci?.sriov?.driversAutoprobe !== false;
}
