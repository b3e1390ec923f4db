// A simulated host: a scenario's machine as saved in the user's state
// directory, read by the same reader as a real /sys. It reports changes by
// itself: its own kernel's uevents, and saves made by other processes (the
// CLI changing the simulation the app is showing).
import fs from 'node:fs';
import type { HostInfo, Snapshot } from '../../../src-shared/model';
import type { Operation } from '../../../src-shared/plan';
import { operationTarget } from '../ops/operation-target';
import type { IdDatabase } from '../ids/id-database';
import type { SimMachine } from '../sim/machine';
import { scanSysfs } from '../sysfs/scan';
import type { SysfsSource } from '../sysfs/sysfs-source';
import type { Host, OperationResult } from './host';
import type { HostPersistence } from './host-persistence';
import type { SystemFacts } from './system-facts';
import type { SimStore, Stamp } from './sim-store';

/** Uevents come in bursts (enabling VFs sends hundreds); one refresh per burst. */
const SETTLE_MS = 50;

export interface SimHostOptions {
  readonly scenario: string;
  readonly kernelRelease: string;
  readonly store: SimStore;
  readonly ids: IdDatabase;
}

function sameStamp(a: Stamp | null, b: Stamp | null): boolean {
  return a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size);
}

export class SimHost implements Host {
  readonly info: HostInfo;
  private machine: SimMachine;
  private stamp: Stamp | null;
  private readonly changeListeners = new Set<() => void>();
  private stopUevents: () => void;

  constructor(private readonly options: SimHostOptions) {
    this.info = {
      id: `sim:${options.scenario}`,
      kind: 'sim',
      label: `${options.scenario} (simulated)`,
      root: '/',
      kernelRelease: options.kernelRelease,
      readOnly: false,
    };
    this.stamp = options.store.stamp(options.scenario);
    this.machine = options.store.load(options.scenario);
    this.stopUevents = this.followUevents(this.machine);
  }

  get source(): SysfsSource {
    // Readers between scans (the applier checking that a plan is still
    // current) must see what another process saved too.
    if (this.reloadIfSavedElsewhere()) this.notify();
    return this.machine.source;
  }

  async scan(): Promise<Snapshot> {
    this.reloadIfSavedElsewhere();
    return scanSysfs({ root: '/', source: this.machine.source, host: this.info, ids: this.options.ids });
  }

  async facts(): Promise<SystemFacts> {
    this.reloadIfSavedElsewhere();
    const facts = this.machine.facts();
    return {
      mounts: facts.mounts.map(({ source, target, fstype }) => ({ source, target, fstype })),
      defaultRouteInterfaces: [...facts.defaultRoute],
      activeDisplays: facts.display === null ? [] : [facts.display],
      vfioGroupsInUse: [...facts.vfioGroupsInUse],
      blacklistedModules: [],
      availableModules: this.machine.installedModules(),
    };
  }

  /** One operation on the saved simulation: the same path the privileged helper would write. */
  async perform(operation: Operation): Promise<OperationResult> {
    const target = operationTarget(operation);
    const result = this.change((machine) =>
      target.kind === 'write' ? machine.write(target.path, target.data) : machine.modprobe(target.module),
    );
    if (result.ok) return { ok: true };
    const what = target.kind === 'write' ? `write ${JSON.stringify(target.data.trimEnd())} to ${target.path}` : `modprobe ${target.module}`;
    return { ok: false, errno: result.errno, message: `${what}: ${result.errno}` };
  }

  /** Kept beside the saved simulation; there is no driverctl in a simulation. */
  readonly persistence: HostPersistence = {
    read: async () => ({ devices: this.options.store.readPersisted(this.options.scenario).devices, driverctl: [], problem: null }),
    keep: async (entry) => {
      this.options.store.changePersisted(this.options.scenario, (state) => ({
        ...state,
        devices: [...state.devices.filter((d) => d.device !== entry.device), entry],
      }));
      return { ok: true };
    },
    forget: async (address) => {
      this.options.store.changePersisted(this.options.scenario, (state) => ({
        ...state,
        devices: state.devices.filter((d) => d.device !== address),
      }));
      return { ok: true };
    },
    importDriverctl: async () => [],
  };

  /** Changes the saved simulation (holding its lock) and shows the result. */
  change<T>(action: (machine: SimMachine) => T): T {
    const { result, machine } = this.options.store.change(this.options.scenario, action);
    this.adopt(machine, this.options.store.stamp(this.options.scenario));
    this.notify();
    return result;
  }

  watch(onChange: () => void): () => void {
    this.changeListeners.add(onChange);
    const { store, scenario } = this.options;
    fs.mkdirSync(store.dir, { recursive: true, mode: 0o700 });
    let timer: NodeJS.Timeout | null = null;
    const watcher = fs.watch(store.dir, (_event, file) => {
      if (file !== `${scenario}.json`) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (this.reloadIfSavedElsewhere()) this.notify();
      }, SETTLE_MS);
    });
    // Following the host must not keep a process alive (the CLI exits when done).
    watcher.unref();
    return () => {
      this.changeListeners.delete(onChange);
      if (timer) clearTimeout(timer);
      watcher.close();
      if (this.changeListeners.size === 0) this.stopUevents();
    };
  }

  private followUevents(machine: SimMachine): () => void {
    let timer: NodeJS.Timeout | null = null;
    const unsubscribe = machine.onUevent(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        this.notify();
      }, SETTLE_MS);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }

  private adopt(machine: SimMachine, stamp: Stamp | null): void {
    this.stopUevents();
    this.machine = machine;
    this.stamp = stamp;
    this.stopUevents = this.followUevents(machine);
  }

  /** Reloads when another process saved (or reset) the simulation; says whether it did. */
  private reloadIfSavedElsewhere(): boolean {
    const stamp = this.options.store.stamp(this.options.scenario);
    if (sameStamp(stamp, this.stamp)) return false;
    this.adopt(this.options.store.load(this.options.scenario), stamp);
    return true;
  }

  private notify(): void {
    for (const listener of this.changeListeners) listener();
  }
}
