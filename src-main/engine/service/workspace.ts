// The service behind the API contract: the hosts a session can show and the
// one it shows now. Transports wrap it with a Dispatcher.
import type { BinderyApi, Unsubscribe } from '../../../src-shared/api';
import type { CandidateReport } from '../../../src-shared/candidates';
import type { DeviceId, HostChoice, HostInfo, Snapshot } from '../../../src-shared/model';
import type { HostCatalog } from './host-catalog';
import type { InventoryService } from './inventory-service';

export class Workspace implements BinderyApi {
  private current: InventoryService;
  private stopForwarding: Unsubscribe;
  private readonly snapshotListeners = new Set<(snapshot: Snapshot) => void>();
  private readonly hostListeners = new Set<(host: HostInfo) => void>();

  constructor(
    private readonly catalog: HostCatalog,
    initialHost: string,
  ) {
    this.current = catalog.open(initialHost);
    this.stopForwarding = this.forward(this.current);
  }

  private forward(inventory: InventoryService): Unsubscribe {
    return inventory.onDidChangeSnapshot((snapshot) => {
      for (const listener of this.snapshotListeners) listener(snapshot);
    });
  }

  /** The inventory of the host shown now (for the CLI and the tray). */
  get inventory(): InventoryService {
    return this.current;
  }

  readonly listHosts = async (): Promise<HostChoice[]> => this.catalog.choices();

  readonly selectHost = async (hostId: string): Promise<HostInfo> => {
    if (hostId !== this.current.info.id) {
      const next = this.catalog.open(hostId);
      this.stopForwarding();
      this.current.dispose();
      this.current = next;
      this.stopForwarding = this.forward(next);
      for (const listener of this.hostListeners) listener(next.info);
      void next.refresh().catch(() => undefined);
    }
    return this.current.info;
  };

  readonly getHost = async (): Promise<HostInfo> => this.current.info;

  readonly getSnapshot = (): Promise<Snapshot> => this.current.getSnapshot();

  readonly refresh = (): Promise<Snapshot> => this.current.refresh();

  readonly getCandidates = (deviceId: DeviceId): Promise<CandidateReport> => this.current.getCandidates(deviceId);

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
