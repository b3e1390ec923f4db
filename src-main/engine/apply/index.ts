// Applying plans: the public surface (apply, recover, history). Everything
// else in this folder is its implementation.
export { applyPlan } from './apply-plan';
export type { ApplyOptions } from './apply-plan';
export { HistoryStore } from './history';
export { Journal } from './journal';
export { findInterrupted, finishInterrupted, undoInterrupted } from './recovery';
export type { RecoveryOptions } from './recovery';
