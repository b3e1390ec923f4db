// The hosts a session can show, and how to open each: this computer (or the
// tree Bindery was started on) and every simulation. Only listed hosts can be
// opened, so a caller can never make the engine read a path of its choosing.
import { BinderyFailure, bindery } from '../../../src-shared/errors';
import type { HostChoice } from '../../../src-shared/model';
import { loadAliasDatabase } from '../alias/database';
import { LinuxHost } from '../host/linux-host';
import { openIdDatabase } from '../ids/id-database';
import type { EngineOptions } from './engine-options';
import { InventoryService } from './inventory-service';

export interface HostEntry {
  readonly choice: HostChoice;
  open(): InventoryService;
}

export class HostCatalog {
  constructor(private readonly entries: readonly HostEntry[]) {}

  choices(): HostChoice[] {
    return this.entries.map((entry) => entry.choice);
  }

  open(hostId: string): InventoryService {
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
      new InventoryService(
        host,
        loadAliasDatabase({ root: host.info.root, kernelRelease: host.info.kernelRelease, modulesAliasFile: options.modulesAlias }),
      ),
  };
}
