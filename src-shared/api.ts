// The one service contract between the engine (main process, or the bridge) and
// the UI. Both transports are generated from these maps, so a method added here
// is typed end to end and validated in one place (schema.ts).
import type { CandidateReport } from './candidates';
import type { Result } from './errors';
import type { DeviceId, HostChoice, HostInfo, Snapshot } from './model';

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
}

/** Events the engine pushes: name -> payload. */
export interface ApiEvents {
  /** A new snapshot: after a refresh, a host switch, or a change the host reported by itself. */
  onDidChangeSnapshot: Snapshot;
  onDidChangeHost: HostInfo;
}

export type MethodName = keyof ApiMethods;
export type EventName = keyof ApiEvents;
export type Unsubscribe = () => void;

export const METHOD_NAMES: readonly MethodName[] = ['listHosts', 'selectHost', 'getHost', 'getSnapshot', 'refresh', 'getCandidates'];
export const EVENT_NAMES: readonly EventName[] = ['onDidChangeSnapshot', 'onDidChangeHost'];

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
