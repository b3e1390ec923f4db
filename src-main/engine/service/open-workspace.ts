// A session's workspace from the command line's engine options.
import type { EngineOptions } from './engine-options';
import { HostCatalog, linuxHostEntry } from './host-catalog';
import { Workspace } from './workspace';

export function openWorkspace(options: EngineOptions): Workspace {
  const local = linuxHostEntry(options);
  return new Workspace(new HostCatalog([local]), local.choice.id);
}
