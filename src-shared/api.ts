// The one service contract between the engine (main process, or the bridge) and
// the UI. Both transports are generated from these maps, so a method added here
// is typed end to end and validated in one place (schema.ts).
import type { CandidateReport } from './candidates';
import type { Result } from './errors';
import type { DeviceId, HostChoice, HostInfo, Snapshot } from './model';
import type {
  ApplyProgress, ApplyRequest, Goal, HistoryEntry, InterruptedAction, InterruptedPlan, Outcome, PersistenceState, Plan,
} from './plan';

/** Request/response methods: name -> argument tuple and result. */
export interface ApiMethods {
  /** The hosts Bindery can show: this computer (or the tree it was started on) and every simulation. */
  listHosts: { args: []; result: HostChoice[] };
  /** Switch to one of `listHosts`; later calls and events are about that host. */
  selectHost: { args: [hostId: string]; result: HostInfo };
  getHost: { args: []; result: HostInfo };
  /** The latest snapshot (scanned on first use). */
  getSnapshot: { args: []; result: Snapshot };
  /** Re-read the host now. */
  refresh: { args: []; result: Snapshot };
  getCandidates: { args: [deviceId: DeviceId]; result: CandidateReport };
  /** What Bindery would do for a goal, with its safety findings; changes nothing. */
  planGoal: { args: [goal: Goal]; result: Plan };
  /** Applies a plan made by planGoal or planUndo in this session. */
  applyPlan: { args: [planId: string, request: ApplyRequest]; result: Outcome };
  /** A plan that undoes the last applied plan on this host. */
  planUndo: { args: []; result: Plan };
  /** Applied plans on this host, newest first. */
  getHistory: { args: []; result: HistoryEntry[] };
  /** A plan that stopped half-way, found at start. */
  getInterrupted: { args: []; result: InterruptedPlan | null };
  resolveInterrupted: { args: [action: InterruptedAction]; result: Outcome };
  /** Devices kept on a driver across reboots, and driverctl's overrides. */
  getPersistence: { args: []; result: PersistenceState };
  /** Keep a device on its current driver across reboots, or stop keeping it. */
  setPersistence: { args: [deviceId: DeviceId, keep: boolean]; result: PersistenceState };
  /** Take over driverctl's overrides, so Bindery restores them at boot. */
  importDriverctl: { args: []; result: PersistenceState };
}

/** Events the engine pushes: name -> payload. */
export interface ApiEvents {
  /** A new snapshot: after a refresh, a host switch, or a change the host reported by itself. */
  onDidChangeSnapshot: Snapshot;
  onDidChangeHost: HostInfo;
  onDidProgress: ApplyProgress;
}

export type MethodName = keyof ApiMethods;
export type EventName = keyof ApiEvents;
export type Unsubscribe = () => void;

export const METHOD_NAMES: readonly MethodName[] = [
  'listHosts', 'selectHost', 'getHost', 'getSnapshot', 'refresh', 'getCandidates',
  'planGoal', 'applyPlan', 'planUndo', 'getHistory', 'getInterrupted', 'resolveInterrupted',
  'getPersistence', 'setPersistence', 'importDriverctl',
];
export const EVENT_NAMES: readonly EventName[] = ['onDidChangeSnapshot', 'onDidChangeHost', 'onDidProgress'];

/** What the UI calls: plain Promises that reject with a BinderyFailure. */
export type BinderyApi = {
  readonly [M in MethodName]: (...args: ApiMethods[M]['args']) => Promise<ApiMethods[M]['result']>;
} & {
  readonly [E in EventName]: (listener: (payload: ApiEvents[E]) => void) => Unsubscribe;
};

/**
 * What a transport carries: every method answers a Result envelope, because
 * Electron's contextBridge and JSON both drop the fields of thrown errors.
 * `window.bindery` (preload) and the bridge client both have this shape.
 */
export type BinderyTransport = {
  readonly [M in MethodName]: (...args: ApiMethods[M]['args']) => Promise<Result<ApiMethods[M]['result']>>;
} & {
  readonly [E in EventName]: (listener: (payload: ApiEvents[E]) => void) => Unsubscribe;
};

/** The Electron IPC channel of a method or event. */
export function channelOf(name: MethodName | EventName): string {
  return `bindery:${name}`;
}
