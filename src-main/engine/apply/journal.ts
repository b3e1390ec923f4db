// The journal of a plan in progress: one file per host under
// $XDG_STATE_HOME/bindery/journal, written (atomically, holding the host's
// lock, flushed to disk) before every step and every undo, and removed when the plan ends.
// A file left behind is a plan that was interrupted.
import fs from 'node:fs';
import path from 'node:path';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { Plan } from '../../../src-shared/plan';
import { withFileLock } from '../state/file-lock';
import { readJsonFile } from '../state/json-file';
import { stateDir } from '../state/state-dir';
import { writeDurably } from './durable-write';
import { hostFileName } from './host-file-name';
import type { Owner } from './owner';
import type { DeviceBefore } from './plan-states';

export const JOURNAL_VERSION = 1;

/** Where a run is: what it was about to do when the record was written. */
export interface JournalProgress {
  /** Steps known to be done (and in effect: a rollback counts them down). */
  readonly stepsDone: number;
  readonly phase: 'applying' | 'rolling-back';
  /** The step being performed, or undone; null before the first. */
  readonly step: number | null;
  /** The step that failed, once one did. */
  readonly failedStep: number | null;
}

export interface JournalRecord extends JournalProgress {
  readonly version: typeof JOURNAL_VERSION;
  readonly hostId: string;
  readonly owner: Owner;
  readonly plan: Plan;
  /** Every device of the plan as read when it started: what undoing restores. */
  readonly devices: readonly DeviceBefore[];
  readonly startedAt: string;
  readonly updatedAt: string;
}

function isRecord(value: unknown, hostId: string): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof JournalRecord, unknown>>;
  const plan = r.plan as Partial<Record<keyof Plan, unknown>> | undefined;
  return r.version === JOURNAL_VERSION && r.hostId === hostId && typeof r.owner === 'object' && r.owner !== null
    && typeof plan === 'object' && plan !== null && typeof plan.id === 'string' && Array.isArray(plan.steps)
    && Array.isArray(plan.devices) && Array.isArray(r.devices) && typeof r.stepsDone === 'number'
    && typeof r.startedAt === 'string';
}

export class Journal {
  constructor(readonly dir: string = path.join(stateDir(), 'journal')) {}

  file(hostId: string): string {
    return path.join(this.dir, `${hostFileName(hostId)}.json`);
  }

  /** Runs `action` holding the host's journal lock, so no other process reads or writes it meanwhile. */
  locked<T>(hostId: string, action: () => T): T {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return withFileLock(`${this.file(hostId)}.lock`, action);
  }

  /** The plan in progress on the host, or null. */
  read(hostId: string): JournalRecord | null {
    const json = readJsonFile(this.file(hostId));
    if (!json.found) return null;
    // Not JSON at all is reported with the same words as JSON of another shape.
    const parsed = json.data;
    if (!isRecord(parsed, hostId)) {
      throw new BinderyFailure(bindery('BAD_INPUT', 'Journal unreadable',
        `The journal of a plan in progress on ${hostId} (${this.file(hostId)}) cannot be read.`,
        `Check the devices of the last change on ${hostId} by hand, then delete ${this.file(hostId)}.`));
    }
    return parsed;
  }

  write(record: JournalRecord): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeDurably(this.file(record.hostId), `${JSON.stringify(record, null, 1)}\n`);
  }

  remove(hostId: string): void {
    fs.rmSync(this.file(hostId), { force: true });
  }
}
