// The service behind the API contract: the hosts a session can show and the
// one it shows now. Transports wrap it with a Dispatcher.
import type { BinderyApi, Unsubscribe } from '../../../src-shared/api';
import type { CandidateReport } from '../../../src-shared/candidates';
import type { DeviceId, HostChoice, HostInfo, Snapshot } from '../../../src-shared/model';
import type {
  ApplyProgress, ApplyRequest, Goal, HistoryEntry, InterruptedAction, InterruptedPlan, Outcome, PersistenceState, Plan,
} from '../../../src-shared/plan';
import type { ChangeService } from './change-service';
import type { HostCatalog } from './host-catalog';
import type { HostSession } from './host-session';
import type { InventoryService } from './inventory-service';

export class Workspace implements BinderyApi {
  private session: HostSession;
  private stopForwarding: Unsubscribe;
  private readonly snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  private readonly hostListeners = new Set<(host: HostInfo) => void>();
  private readonly progressListeners = new Set<(progress: ApplyProgress) => void>();

  constructor(
    private readonly catalog: HostCatalog,
    initialHost: string,
  ) {
    this.session = catalog.open(initialHost);
    this.stopForwarding = this.forward(this.session);
  }

  private forward(session: HostSession): Unsubscribe {
    const stops = [
      session.inventory.onDidChangeSnapshot((snapshot) => {
        for (const listener of this.snapshotListeners) listener(snapshot);
      }),
      session.changes.onDidProgress((progress) => {
        for (const listener of this.progressListeners) listener(progress);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  private get current(): InventoryService {
    return this.session.inventory;
  }

  /** The inventory of the host shown now (for the CLI and the tray). */
  get inventory(): InventoryService {
    return this.session.inventory;
  }

  /** The changes of the host shown now (for the CLI). */
  get changes(): ChangeService {
    return this.session.changes;
  }

  readonly listHosts = async (): Promise<HostChoice[]> => this.catalog.choices();

  readonly selectHost = async (hostId: string): Promise<HostInfo> => {
    if (hostId !== this.current.info.id) {
      const next = this.catalog.open(hostId);
      this.stopForwarding();
      this.current.dispose();
      this.session = next;
      this.stopForwarding = this.forward(next);
      for (const listener of this.hostListeners) listener(next.inventory.info);
      void next.inventory.refresh().catch(() => undefined);
    }
    return this.current.info;
  };

  readonly getHost = async (): Promise<HostInfo> => this.current.info;

  readonly getSnapshot = (): Promise<Snapshot> => this.current.getSnapshot();

  readonly refresh = (): Promise<Snapshot> => this.current.refresh();

  readonly getCandidates = (deviceId: DeviceId): Promise<CandidateReport> => this.current.getCandidates(deviceId);

  readonly planGoal = (goal: Goal): Promise<Plan> => this.session.changes.planGoal(goal);

  readonly applyPlan = (planId: string, request: ApplyRequest): Promise<Outcome> => this.session.changes.applyPlan(planId, request);

  readonly planUndo = (): Promise<Plan> => this.session.changes.planUndo();

  readonly getHistory = async (): Promise<HistoryEntry[]> => this.session.changes.history();

  readonly getInterrupted = async (): Promise<InterruptedPlan | null> => this.session.changes.interrupted();

  readonly resolveInterrupted = (action: InterruptedAction): Promise<Outcome> => this.session.changes.resolveInterrupted(action);

  readonly getPersistence = (): Promise<PersistenceState> => this.session.changes.persistence();

  readonly setPersistence = (deviceId: DeviceId, keep: boolean): Promise<PersistenceState> =>
    this.session.changes.setPersistence(deviceId, keep);

  readonly importDriverctl = (): Promise<PersistenceState> => this.session.changes.importDriverctl();

  readonly onDidProgress = (listener: (progress: ApplyProgress) => void): Unsubscribe => {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  };

  readonly onDidChangeSnapshot = (listener: (snapshot: Snapshot) => void): Unsubscribe => {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  };

  readonly onDidChangeHost = (listener: (host: HostInfo) => void): Unsubscribe => {
    this.hostListeners.add(listener);
    return () => this.hostListeners.delete(listener);
  };

  dispose(): void {
    this.stopForwarding();
    this.current.dispose();
  }
}
