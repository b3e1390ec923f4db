// Wires a host, names and the alias database into a service.
import { loadAliasDatabase } from '../alias/database';
import { LinuxHost } from '../host/linux-host';
import { openIdDatabase } from '../ids/id-database';
import type { EngineOptions } from './engine-options';
import { InventoryService } from './inventory-service';

export function openInventory(options: EngineOptions): InventoryService {
  const host = new LinuxHost({ root: options.sysfsRoot, ids: openIdDatabase() });
  const aliases = loadAliasDatabase({
    root: host.info.root,
    kernelRelease: host.info.kernelRelease,
    modulesAliasFile: options.modulesAlias,
  });
  return new InventoryService(host, aliases);
}
