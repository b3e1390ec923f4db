// One host's inventory: the host, its alias database and the latest snapshot.
// The Workspace holds the current one; the CLI uses one directly.
import type { Unsubscribe } from '../../../src-shared/api';
import type { AliasSource, CandidateReport } from '../../../src-shared/candidates';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { Device, DeviceId, HostInfo, Snapshot } from '../../../src-shared/model';
import type { AliasDatabase } from '../alias/database';
import { candidatesForDevice, candidatesForModalias } from '../alias/report';
import type { Host } from '../host/host';

export class InventoryService {
  private snapshot: Snapshot | null = null;
  private byId = new Map<DeviceId, Device>();
  private scanning: Promise<Snapshot> | null = null;
  private rescan = false;
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();
  private readonly unwatch: (() => void) | null;

  constructor(
    private readonly host: Host,
    private readonly aliases: AliasDatabase,
  ) {
    this.unwatch = host.watch?.(() => void this.refresh().catch(() => undefined)) ?? null;
  }

  get info(): HostInfo {
    return this.host.info;
  }

  get aliasSource(): AliasSource {
    return this.aliases.source;
  }

  async getSnapshot(): Promise<Snapshot> {
    return this.snapshot ?? this.refresh();
  }

  /**
   * Concurrent refreshes share one scan; a refresh asked for during a scan
   * runs once more afterwards, so a change made mid-scan is never missed.
   */
  refresh(): Promise<Snapshot> {
    if (this.scanning) {
      this.rescan = true;
      return this.scanning;
    }
    const scan = async (): Promise<Snapshot> => {
      let snapshot: Snapshot;
      do {
        this.rescan = false;
        snapshot = await this.host.scan();
      } while (this.rescan);
      this.snapshot = snapshot;
      this.byId = new Map(snapshot.devices.map((d) => [d.id, d]));
      for (const listener of this.listeners) listener(snapshot);
      return snapshot;
    };
    this.scanning = scan().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  async getCandidates(deviceId: DeviceId): Promise<CandidateReport> {
    await this.getSnapshot();
    return candidatesForDevice(this.aliases, this.device(deviceId), this.host.info.root, this.host.source);
  }

  /** Candidates for a modalias typed by the user (CLI); throws BAD_MODALIAS for malformed ones. */
  candidatesForModalias(modalias: string): CandidateReport {
    return candidatesForModalias(this.aliases, modalias, this.host.info.root, this.host.source);
  }

  onDidChangeSnapshot(listener: (snapshot: Snapshot) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A device of the latest snapshot, or a BinderyFailure naming it. */
  device(deviceId: DeviceId): Device {
    const device = this.byId.get(deviceId);
    if (device) return device;
    throw new BinderyFailure(
      bindery('UNKNOWN_DEVICE', 'No such device', `There is no device ${deviceId} on ${this.host.info.label}.`,
        'Refresh the device list; the device may have been removed.'),
    );
  }

  /** Stops following the host. */
  dispose(): void {
    this.unwatch?.();
    this.listeners.clear();
  }
}
