// A session's workspace from the command line's engine options: this computer
// (or the --sysfs-root tree) and every simulation, showing the one asked for.
import { SimStore } from '../host/sim-store';
import type { EngineOptions } from './engine-options';
import { HostCatalog, linuxHostEntry, simHostEntries } from './host-catalog';
import { Workspace } from './workspace';

export function openWorkspace(options: EngineOptions, store: SimStore = new SimStore()): Workspace {
  const local = linuxHostEntry(options);
  const catalog = new HostCatalog([local, ...simHostEntries(store)]);
  return new Workspace(catalog, options.host === 'local' ? local.choice.id : options.host);
}
