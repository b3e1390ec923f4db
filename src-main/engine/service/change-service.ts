// One host's changes: planning goals against the host as it is now, applying
// plans made in this session (by id: a plan never comes back in from outside),
// history and undo, plans interrupted by a crash, and devices kept across reboots.
import crypto from 'node:crypto';
import type { Unsubscribe } from '../../../src-shared/api';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import { nextToUndo } from '../../../src-shared/history-rules';
import type { DeviceId } from '../../../src-shared/model';
import type {
  ApplyProgress, ApplyRequest, Goal, HistoryEntry, InterruptedAction, InterruptedPlan, Outcome, PersistenceState, Plan,
} from '../../../src-shared/plan';
import type { AliasDatabase } from '../alias/database';
import { applyPlan, findInterrupted, finishInterrupted, undoInterrupted } from '../apply';
import type { HistoryStore, Journal } from '../apply';
import type { Host } from '../host/host';
import { planGoal } from '../plan/plan-goal';
import { persistenceState } from './persistence-state';
import type { InventoryService } from './inventory-service';

/** Plans are cheap to make again; keep the last few a window may still apply. */
const KEPT_PLANS = 32;

export interface ChangeStores {
  readonly journal: Journal;
  readonly history: HistoryStore;
}

export class ChangeService {
  private readonly plans = new Map<string, Plan>();
  private readonly progressListeners = new Set<(progress: ApplyProgress) => void>();

  constructor(
    private readonly host: Host,
    private readonly inventory: InventoryService,
    private readonly aliases: AliasDatabase,
    private readonly stores: ChangeStores,
  ) {}

  private get hostId(): string {
    return this.host.info.id;
  }

  async planGoal(goal: Goal): Promise<Plan> {
    const snapshot = await this.inventory.refresh();
    const undone = goal.kind === 'undo' ? this.stores.history.list(this.hostId).find((e) => e.plan.id === goal.planId) : undefined;
    const plan = planGoal({
      goal,
      snapshot,
      facts: await this.host.facts(),
      aliases: this.aliases,
      root: this.host.info.root,
      source: this.host.source,
      remembered: this.stores.history.remembered(this.hostId),
      undoOf: undone ? { plan: undone.plan, before: undone.outcome.devices } : null,
      id: crypto.randomUUID(),
      now: new Date(),
    });
    this.plans.set(plan.id, plan);
    for (const old of [...this.plans.keys()].slice(0, Math.max(0, this.plans.size - KEPT_PLANS))) this.plans.delete(old);
    return plan;
  }

  /**
   * Undoes the most recent applied change that is not undone yet. Undos are
   * not themselves undone: undoing again walks further back, like a stack.
   */
  async planUndo(): Promise<Plan> {
    const last = nextToUndo(this.stores.history.list(this.hostId));
    if (!last) {
      throw new BinderyFailure(bindery('BAD_INPUT', 'Nothing to undo', `No applied change on ${this.host.info.label} is left to undo.`));
    }
    return this.planGoal({ kind: 'undo', planId: last.plan.id });
  }

  async applyPlan(planId: string, request: ApplyRequest): Promise<Outcome> {
    const plan = this.plans.get(planId);
    if (!plan) {
      throw new BinderyFailure(
        bindery('BAD_INPUT', 'No such plan', `Plan ${planId} was not made in this session, or is too old.`, 'Make the plan again and review it.'),
      );
    }
    const outcome = await applyPlan(plan, this.host, { force: request.force, ...this.stores, onProgress: (p) => this.emit(p) });
    if (outcome.status !== 'refused' && outcome.status !== 'cancelled') this.plans.delete(planId);
    await this.inventory.refresh();
    return outcome;
  }

  history(): HistoryEntry[] {
    return this.stores.history.list(this.hostId);
  }

  interrupted(): InterruptedPlan | null {
    return findInterrupted(this.stores.journal, this.hostId);
  }

  async resolveInterrupted(action: InterruptedAction): Promise<Outcome> {
    const interrupted = this.interrupted();
    if (!interrupted) {
      throw new BinderyFailure(bindery('BAD_INPUT', 'Nothing interrupted', `No plan was left half-way on ${this.host.info.label}.`));
    }
    const options = { ...this.stores, onProgress: (p: ApplyProgress) => this.emit(p) };
    const outcome = action === 'finish'
      ? await finishInterrupted(interrupted, this.host, options)
      : await undoInterrupted(interrupted, this.host, options);
    await this.inventory.refresh();
    return outcome;
  }

  async persistence(): Promise<PersistenceState> {
    const stored = this.host.persistence ? await this.host.persistence.read() : null;
    return persistenceState(stored, await this.inventory.getSnapshot());
  }

  /** Keep a PCI device on the driver it has now across reboots, or stop keeping it. */
  async setPersistence(deviceId: DeviceId, keep: boolean): Promise<PersistenceState> {
    const persistence = this.requirePersistence();
    const device = this.inventory.device(deviceId);
    if (device.bus !== 'pci' || !device.pci) {
      throw new BinderyFailure(bindery('BAD_INPUT', 'Not a PCI device', `Bindery keeps PCI devices only; ${deviceId} is on ${device.bus}.`));
    }
    let result;
    if (keep) {
      if (!device.driver) {
        throw new BinderyFailure(
          bindery('BAD_INPUT', 'No driver to keep', `${deviceId} has no driver now.`, 'Bind it to the driver it should have at every boot first.'),
        );
      }
      const { vendor, device: id, subsystemVendor, subsystemDevice } = device.pci;
      result = await persistence.keep({ device: device.name, driver: device.driver, ids: { vendor, device: id, subsystemVendor, subsystemDevice } });
    } else {
      result = await persistence.forget(device.name);
    }
    if (!result.ok && result.errno !== 'ECANCELED') {
      throw new BinderyFailure(bindery('BAD_INPUT', keep ? 'Could not keep the device' : 'Could not stop keeping the device', result.message));
    }
    return this.persistence();
  }

  async importDriverctl(): Promise<PersistenceState> {
    const failed = (await this.requirePersistence().importDriverctl()).filter((r) => !r.result.ok);
    if (failed.length > 0) {
      const detail = failed.map((f) => `${f.device}: ${f.result.ok ? '' : f.result.message}`).join('; ');
      throw new BinderyFailure(bindery('BAD_INPUT', 'Some driverctl overrides were not imported', detail));
    }
    return this.persistence();
  }

  onDidProgress(listener: (progress: ApplyProgress) => void): Unsubscribe {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private requirePersistence() {
    if (!this.host.persistence) {
      throw new BinderyFailure(
        bindery('BAD_INPUT', 'Nothing can be kept here', `${this.host.info.label} is a captured tree: it has no reboots to keep devices across.`),
      );
    }
    return this.host.persistence;
  }

  private emit(progress: ApplyProgress): void {
    for (const listener of this.progressListeners) listener(progress);
  }
}
