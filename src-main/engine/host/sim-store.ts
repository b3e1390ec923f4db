// Simulated hosts persist between invocations, so `bindery --host
// sim:workstation ...` can be explored step by step: one JSON file per
// scenario in the user's state directory, until `bindery sim reset`.
import fs from 'node:fs';
import path from 'node:path';
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import { NOTHING_PERSISTED } from '../persist/persisted-file';
import { PersistedStateSchema } from '../persist/persisted-schema';
import type { PersistedState } from '../persist/persisted-schema';
import { SimMachine } from '../sim/machine';
import { bootScenario } from '../sim/scenarios/load';
import { stateDir } from '../state/state-dir';
import { withFileLock, writeFileAtomic } from '../state/file-lock';

export interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
}

export class SimStore {
  constructor(readonly dir: string = path.join(stateDir(), 'sim')) {}

  file(scenario: string): string {
    return path.join(this.dir, `${scenario}.json`);
  }

  /** When and how big the saved state is; null when the scenario is at its start state. */
  stamp(scenario: string): Stamp | null {
    try {
      const stat = fs.statSync(this.file(scenario));
      return { mtimeMs: stat.mtimeMs, size: stat.size };
    } catch {
      return null;
    }
  }

  /** The saved machine, or a freshly booted one. */
  load(scenario: string): SimMachine {
    let text: string;
    try {
      text = fs.readFileSync(this.file(scenario), 'utf8');
    } catch {
      return bootScenario(scenario);
    }
    try {
      return SimMachine.fromJSON(JSON.parse(text));
    } catch (error) {
      // Saved by another version of Bindery, or damaged: say so, and change nothing.
      throw new BinderyFailure(
        bindery('BAD_INPUT', 'Saved simulation unreadable',
          `The saved state of ${scenario} (${this.file(scenario)}) cannot be loaded: ${(error as Error).message}.`,
          `Run "bindery sim reset ${scenario}" to start it again from its start state.`),
      );
    }
  }

  /** Loads the latest saved state, changes it and saves it, holding the scenario's lock. */
  change<T>(scenario: string, action: (machine: SimMachine) => T): { readonly result: T; readonly machine: SimMachine } {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return withFileLock(`${this.file(scenario)}.lock`, () => {
      const machine = this.load(scenario);
      const result = action(machine);
      writeFileAtomic(this.file(scenario), JSON.stringify(machine.toJSON()));
      return { result, machine };
    });
  }

  /** The devices this simulation keeps across (simulated) reboots. */
  persistedFile(scenario: string): string {
    return path.join(this.dir, `${scenario}.persisted.json`);
  }

  readPersisted(scenario: string): PersistedState {
    try {
      return PersistedStateSchema.parse(JSON.parse(fs.readFileSync(this.persistedFile(scenario), 'utf8')));
    } catch {
      return NOTHING_PERSISTED;
    }
  }

  changePersisted(scenario: string, change: (state: PersistedState) => PersistedState): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    withFileLock(`${this.file(scenario)}.lock`, () => {
      writeFileAtomic(this.persistedFile(scenario), JSON.stringify(PersistedStateSchema.parse(change(this.readPersisted(scenario)))));
    });
  }

  /** Back to the start state, keeping nothing. Returns whether there was saved state. */
  reset(scenario: string): boolean {
    const files = [this.file(scenario), this.persistedFile(scenario)];
    if (!files.some((file) => fs.existsSync(file))) return false;
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    withFileLock(`${this.file(scenario)}.lock`, () => files.forEach((file) => fs.rmSync(file, { force: true })));
    return true;
  }
}
