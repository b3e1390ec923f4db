// The plans the real-kernel test applies, in order, on the real VM and on its
// simulated twin alike: both VFIO assignments of DESIGN.md's shared-group
// shapes (a two-function card; a NIC behind a conventional PCI bridge, whose
// group holds its sibling and the bridge), a return to the host, then undo
// after undo back to the start. Run through the ChangeService, as the app does.
import fs from 'node:fs';
import path from 'node:path';
import type { Goal } from '../../../src-shared/plan';
import type { AliasDatabase } from '../../../src-main/engine/alias/database';
import { HistoryStore, Journal } from '../../../src-main/engine/apply';
import type { Host } from '../../../src-main/engine/host/host';
import { ChangeService } from '../../../src-main/engine/service/change-service';
import { InventoryService } from '../../../src-main/engine/service/inventory-service';
import type { ObservedState } from './observe';
import { planRecord } from './plan-record';
import type { PlanRecord } from './plan-record';

export interface Move {
  readonly name: string;
  /** null: undo the latest applied change not undone yet. */
  readonly goal: Goal | null;
}

export const PLAN_SEQUENCE: readonly Move[] = [
  { name: 'assign-vfio 00:08.0 00:08.1', goal: { kind: 'assign-vfio', devices: ['pci/0000:00:08.0', 'pci/0000:00:08.1'] } },
  { name: 'assign-vfio 01:02.0', goal: { kind: 'assign-vfio', devices: ['pci/0000:01:02.0'] } },
  { name: 'return-to-host 01:02.0', goal: { kind: 'return-to-host', devices: ['pci/0000:01:02.0'] } },
  { name: 'undo (return-to-host 01:02.0)', goal: null },
  { name: 'undo (assign-vfio 01:02.0)', goal: null },
  { name: 'undo (assign-vfio 00:08.0 00:08.1)', goal: null },
];

/** Applies every move in order, with Bindery's journal and history in `stateDir`. */
export async function runPlanSequence(
  host: Host, aliases: AliasDatabase, stateDir: string, observeNow: () => ObservedState, onRecord: (record: PlanRecord) => void,
): Promise<void> {
  fs.mkdirSync(stateDir, { recursive: true });
  const stores = { journal: new Journal(path.join(stateDir, 'journal')), history: new HistoryStore(path.join(stateDir, 'history')) };
  const changes = new ChangeService(host, new InventoryService(host, aliases), aliases, stores);
  for (const move of PLAN_SEQUENCE) {
    const plan = move.goal === null ? await changes.planUndo() : await changes.planGoal(move.goal);
    const outcome = await changes.applyPlan(plan.id, { force: false });
    onRecord(planRecord(move.name, plan, outcome, observeNow()));
  }
}
