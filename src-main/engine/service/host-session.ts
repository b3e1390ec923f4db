// What the workspace holds for the host it shows: reading it, and changing it.
import type { AliasDatabase } from '../alias/database';
import { HistoryStore, Journal } from '../apply';
import type { Host } from '../host/host';
import { ChangeService } from './change-service';
import { InventoryService } from './inventory-service';

export interface HostSession {
  readonly inventory: InventoryService;
  readonly changes: ChangeService;
}

/** Journals and history live in the user's state directory ($XDG_STATE_HOME/bindery). */
export function openSession(host: Host, aliases: AliasDatabase): HostSession {
  const inventory = new InventoryService(host, aliases);
  return { inventory, changes: new ChangeService(host, inventory, aliases, { journal: new Journal(), history: new HistoryStore() }) };
}
