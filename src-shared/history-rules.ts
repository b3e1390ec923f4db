// Which applied change "undo" takes back: the newest one done and not undone
// yet. Undos are never themselves undone, so undoing again walks further back.
import type { HistoryEntry } from './plan';

export function nextToUndo(entries: readonly HistoryEntry[]): HistoryEntry | null {
  return entries.find((e) => e.outcome.status === 'done' && e.undoneBy === null && e.plan.goal.kind !== 'undo') ?? null;
}
