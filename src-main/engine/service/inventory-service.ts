// The service behind the API contract: one host, its alias database, the
// latest snapshot. Transports (Electron IPC, the bridge, tests) wrap it with
// a Dispatcher; the CLI calls it directly.
import type { BinderyApi, Unsubscribe } from '../../../src-shared/api';
import type { AliasSource, CandidateReport } from '../../../src-shared/candidates';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { Device, DeviceId, HostInfo, Snapshot } from '../../../src-shared/model';
import type { AliasDatabase } from '../alias/database';
import { candidatesForDevice, candidatesForModalias } from '../alias/report';
import type { Host } from '../host/host';

export class InventoryService implements BinderyApi {
  private snapshot: Snapshot | null = null;
  private byId = new Map<DeviceId, Device>();
  private scanning: Promise<Snapshot> | null = null;
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();

  constructor(
    private readonly host: Host,
    private readonly aliases: AliasDatabase,
  ) {}

  readonly getHost = async (): Promise<HostInfo> => this.host.info;

  readonly getSnapshot = async (): Promise<Snapshot> => this.snapshot ?? this.refresh();

  /** Concurrent refreshes share one scan. */
  readonly refresh = async (): Promise<Snapshot> => {
    this.scanning ??= this.host.scan().then(
      (snapshot) => {
        this.scanning = null;
        this.snapshot = snapshot;
        this.byId = new Map(snapshot.devices.map((d) => [d.id, d]));
        for (const listener of this.listeners) listener(snapshot);
        return snapshot;
      },
      (error: unknown) => {
        this.scanning = null;
        throw error;
      },
    );
    return this.scanning;
  };

  readonly getCandidates = async (deviceId: DeviceId): Promise<CandidateReport> => {
    await this.getSnapshot();
    return candidatesForDevice(this.aliases, this.device(deviceId), this.host.info.root);
  };

  /** Candidates for a modalias typed by the user (CLI); throws BAD_MODALIAS for malformed ones. */
  candidatesForModalias(modalias: string): CandidateReport {
    return candidatesForModalias(this.aliases, modalias, this.host.info.root);
  }

  get aliasSource(): AliasSource {
    return this.aliases.source;
  }

  readonly onDidChangeSnapshot = (listener: (snapshot: Snapshot) => void): Unsubscribe => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A device of the latest snapshot, or a BinderyFailure naming it. */
  device(deviceId: DeviceId): Device {
    const device = this.byId.get(deviceId);
    if (device) return device;
    throw new BinderyFailure(
      bindery('UNKNOWN_DEVICE', 'No such device', `There is no device ${deviceId} on ${this.host.info.label}.`,
        'Refresh the device list; the device may have been removed.'),
    );
  }
}
