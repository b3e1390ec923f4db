// The plans applied to each host and what came of them: one file per host
// under $XDG_STATE_HOME/bindery/history, newest first. It is what "undo the
// last change" undoes and where "return to host" finds the driver a device
// had before it went to VFIO.
import fs from 'node:fs';
import path from 'node:path';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { DeviceId } from '../../../src-shared/model';
import { isVfioDriver } from '../../../src-shared/driver-kinds';
import type { HistoryEntry } from '../../../src-shared/plan';
import { withFileLock } from '../state/file-lock';
import { readJsonFile } from '../state/json-file';
import { stateDir } from '../state/state-dir';
import { writeDurably } from './durable-write';
import { hostFileName } from './host-file-name';

/** Per host; the oldest entries go first. Plenty to undo and to look back on, never unbounded. */
export const MAX_ENTRIES = 500;

export const HISTORY_VERSION = 1;

export interface HistoryFile {
  readonly version: typeof HISTORY_VERSION;
  readonly hostId: string;
  /** Newest first. */
  readonly entries: readonly HistoryEntry[];
}

/** vfio-pci, its variants (mlx5_vfio_pci), vfio-platform, vfio_mdev. */
function isHistoryFile(value: unknown): value is HistoryFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<Record<keyof HistoryFile, unknown>>;
  return file.version === HISTORY_VERSION && typeof file.hostId === 'string' && Array.isArray(file.entries);
}

export class HistoryStore {
  constructor(readonly dir: string = path.join(stateDir(), 'history')) {}

  file(hostId: string): string {
    return path.join(this.dir, `${hostFileName(hostId)}.json`);
  }

  /** Adds the entry as the newest; an entry of the same plan (recorded again by a recovery) is replaced. */
  record(entry: HistoryEntry): void {
    this.change(entry.plan.hostId, (entries) => [entry, ...entries.filter((e) => e.plan.id !== entry.plan.id)].slice(0, MAX_ENTRIES));
  }

  /** Newest first. */
  list(hostId: string): HistoryEntry[] {
    return [...(this.read(this.file(hostId))?.entries ?? [])];
  }

  last(hostId: string): HistoryEntry | null {
    return this.list(hostId)[0] ?? null;
  }

  /** Marks plan `planId` as undone by plan `byPlanId`, on whichever host it was applied; false if no host has it. */
  markUndone(planId: string, byPlanId: string): boolean {
    const holder = this.files().find((file) => file.entries.some((e) => e.plan.id === planId));
    if (holder === undefined) return false;
    this.change(holder.hostId, (entries) => entries.map((e) => (e.plan.id === planId ? { ...e, undoneBy: byPlanId } : e)));
    return true;
  }

  /**
   * For each device, the driver it had before the newest applied plan that
   * moved it from a host driver to a VFIO driver and was not undone since.
   */
  remembered(hostId: string): Map<DeviceId, string> {
    const drivers = new Map<DeviceId, string>();
    for (const { outcome, undoneBy } of this.list(hostId)) {
      if (outcome.status !== 'done' || undoneBy !== null) continue;
      for (const { device, before, after } of outcome.devices) {
        // A move between two VFIO drivers says nothing about the host driver.
        if (drivers.has(device) || before.driver === null || isVfioDriver(before.driver)) continue;
        if (after.driver !== null && isVfioDriver(after.driver)) drivers.set(device, before.driver);
      }
    }
    return drivers;
  }

  /** Every host's history. */
  private files(): HistoryFile[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    return names.flatMap((name) => this.read(path.join(this.dir, name)) ?? []);
  }

  private change(hostId: string, edit: (entries: readonly HistoryEntry[]) => readonly HistoryEntry[]): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(hostId);
    withFileLock(`${file}.lock`, () => {
      const entries = edit(this.read(file)?.entries ?? []);
      const content: HistoryFile = { version: HISTORY_VERSION, hostId, entries };
      writeDurably(file, `${JSON.stringify(content, null, 1)}\n`);
    });
  }

  private read(file: string): HistoryFile | null {
    const json = readJsonFile(file);
    if (!json.found) return null;
    // Not JSON at all is reported with the same words as JSON of another shape.
    const parsed = json.data;
    if (!isHistoryFile(parsed)) {
      throw new BinderyFailure(bindery('BAD_INPUT', 'History unreadable', `The history of applied plans in ${file} cannot be read.`,
        `Move ${file} somewhere else to start a new history (undo will not know the plans in it).`));
    }
    return parsed;
  }
}
