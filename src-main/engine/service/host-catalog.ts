// The hosts a session can show, and how to open each: this computer (or the
// tree Bindery was started on) and every simulated scenario. Only listed hosts can be
// opened, so a caller can never make the engine read a path of its choosing.
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { HostChoice } from '../../../src-shared/model';
import { loadAliasDatabase } from '../alias/database';
import type { AliasDatabase } from '../alias/database';
import { LinuxHost } from '../host/linux-host';
import { SimHost } from '../host/sim-host';
import type { SimStore } from '../host/sim-store';
import { openIdDatabase } from '../ids/id-database';
import { listScenarios } from '../sim/scenarios/load';
import type { EngineOptions } from './engine-options';
import { openSession } from './host-session';
import type { HostSession } from './host-session';

export interface HostEntry {
  readonly choice: HostChoice;
  open(): HostSession;
}

export class HostCatalog {
  constructor(private readonly entries: readonly HostEntry[]) {}

  choices(): HostChoice[] {
    return this.entries.map((entry) => entry.choice);
  }

  open(hostId: string): HostSession {
    const entry = this.entries.find((e) => e.choice.id === hostId);
    if (!entry) {
      throw new BinderyFailure(
        bindery('BAD_INPUT', 'No such host', `Bindery has no host "${hostId}".`,
          `Hosts here: ${this.entries.map((e) => e.choice.id).join(', ')}.`),
      );
    }
    return entry.open();
  }
}

/** This computer, or the captured tree named by --sysfs-root. */
export function linuxHostEntry(options: EngineOptions): HostEntry {
  const host = new LinuxHost({ root: options.sysfsRoot, ids: openIdDatabase() });
  const choice: HostChoice = {
    id: host.info.id,
    kind: 'linux',
    label: host.info.readOnly ? `Captured tree: ${host.info.label}` : 'This computer',
    description: host.info.readOnly ? `The sysfs tree under ${host.info.root}` : host.info.label,
  };
  return {
    choice,
    open: () =>
      openSession(
        host,
        loadAliasDatabase({ root: host.info.root, kernelRelease: host.info.kernelRelease, modulesAliasFile: options.modulesAlias }),
      ),
  };
}

/** Every simulated scenario that boots; broken ones are left out (`bindery sim list` shows why). */
export function simHostEntries(store: SimStore): HostEntry[] {
  const ids = openIdDatabase();
  // Parsing a modules.alias takes a while; scenarios that share one share it.
  const databases = new Map<string, AliasDatabase>();
  const aliasesOf = (file: string, kernelRelease: string): AliasDatabase => {
    let db = databases.get(file);
    if (!db) {
      db = loadAliasDatabase({ root: '/', kernelRelease, modulesAliasFile: file });
      databases.set(file, db);
    }
    return db;
  };
  return listScenarios().flatMap((scenario): HostEntry[] => {
    const { name, kernelRelease, modulesAliasFile } = scenario;
    if (scenario.error !== null || kernelRelease === null || modulesAliasFile === null) return [];
    return [{
      choice: { id: `sim:${name}`, kind: 'sim', label: name, description: scenario.description },
      open: () => openSession(new SimHost({ scenario: name, kernelRelease, store, ids }), aliasesOf(modulesAliasFile, kernelRelease)),
    }];
  });
}
