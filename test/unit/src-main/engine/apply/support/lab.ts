// A simulated machine to apply plans to, with Bindery's whole state
// directory (XDG_STATE_HOME: simulations, journal, history) in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Snapshot } from '../../../../../../src-shared/model';
import { HistoryStore } from '../../../../../../src-main/engine/apply/history';
import { Journal } from '../../../../../../src-main/engine/apply/journal';
import { SimHost } from '../../../../../../src-main/engine/host/sim-host';
import { SimStore } from '../../../../../../src-main/engine/host/sim-store';
import type { IdDatabase } from '../../../../../../src-main/engine/ids/id-database';
import { openIdDatabase } from '../../../../../../src-main/engine/ids/id-database';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';

let ids: IdDatabase | null = null;
/** Booted machines by scenario, as saved state: loading it is much faster than booting. */
const booted = new Map<string, string>();

function bootedState(scenario: string): string {
  let state = booted.get(scenario);
  if (state === undefined) {
    state = JSON.stringify(bootScenario(scenario).toJSON());
    booted.set(scenario, state);
  }
  return state;
}

/** A machine and its history of applied plans, to start labs from. */
export interface Prepared {
  readonly machine: string;
  readonly history: string | null;
}

export interface Lab {
  readonly scenario: string;
  /** $XDG_STATE_HOME. */
  readonly dir: string;
  readonly store: SimStore;
  readonly journal: Journal;
  readonly history: HistoryStore;
  /** A new SimHost on the saved machine, as a new Bindery process would make. */
  host(): SimHost;
  /** The saved machine's state, as the simulation stores it. */
  saved(): unknown;
  /** This lab's machine and history now. */
  prepared(): Prepared;
}

const made: string[] = [];
let savedEnv: string | undefined;

/** A lab at the scenario's start state (or `from`); XDG_STATE_HOME points at it until `cleanLabs`. */
export function lab(scenario: string, from?: Prepared): Lab {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-apply-'));
  if (made.length === 0) savedEnv = process.env.XDG_STATE_HOME;
  made.push(dir);
  process.env.XDG_STATE_HOME = dir;
  // Every store finds its directory through XDG_STATE_HOME, as Bindery does.
  const store = new SimStore();
  fs.mkdirSync(store.dir, { recursive: true });
  fs.writeFileSync(store.file(scenario), from?.machine ?? bootedState(scenario));
  const history = new HistoryStore();
  const hostId = `sim:${scenario}`;
  if (from?.history != null) {
    fs.mkdirSync(history.dir, { recursive: true });
    fs.writeFileSync(history.file(hostId), from.history);
  }
  ids ??= openIdDatabase();
  const database = ids;
  return {
    scenario, dir, store, history,
    journal: new Journal(),
    host: () => new SimHost({ scenario, kernelRelease: '6.12', store, ids: database }),
    saved: () => JSON.parse(fs.readFileSync(store.file(scenario), 'utf8')) as unknown,
    prepared: () => ({
      machine: fs.readFileSync(store.file(scenario), 'utf8'),
      history: fs.existsSync(history.file(hostId)) ? fs.readFileSync(history.file(hostId), 'utf8') : null,
    }),
  };
}

export function cleanLabs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  if (savedEnv === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = savedEnv;
}

/** A scan without the time it was taken: two scans of the same state are equal. */
export function withoutTime(snapshot: Snapshot): Omit<Snapshot, 'takenAt'> {
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => key !== 'takenAt')) as Omit<Snapshot, 'takenAt'>;
}
