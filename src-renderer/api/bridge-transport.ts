// The bridge's side of the contract in the browser: one WebSocket, calls
// matched to answers by id, events fanned out to subscribers, and a word the
// moment the socket closes (the bridge stopped), not only at the next call.
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/api';
import type { BinderyTransport, EventName, Unsubscribe } from '../../src-shared/api';
import { BRIDGE_PATH, TOKEN_PARAM } from '../../src-shared/bridge-protocol';
import type { ClientMessage, ServerMessage } from '../../src-shared/bridge-protocol';
import { bindery } from '../../src-shared/errors';
import type { BinderyError, Result } from '../../src-shared/errors';

const lost = bindery('TRANSPORT', 'Connection to Bindery lost',
  'The page lost its connection to the Bindery bridge.', 'Restart `npm run web` and open the new address it prints.');

export interface BridgeConnection {
  readonly transport: BinderyTransport;
  /** Calls `listener` once, when the connection ends. */
  readonly onLost: (listener: (error: BinderyError) => void) => Unsubscribe;
}

export function openBridgeTransport(origin: string, token: string): BridgeConnection {
  const url = new URL(BRIDGE_PATH, origin.replace(/^http/, 'ws'));
  url.searchParams.set(TOKEN_PARAM, token);
  const socket = new WebSocket(url);
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener('open', () => resolve(true));
    socket.addEventListener('error', () => resolve(false));
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const lostListeners = new Set<(error: BinderyError) => void>();
  let closed = false;
  let nextId = 1;

  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as ServerMessage;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      listeners.get(message.event)?.forEach((listener) => listener(message.payload));
    }
  });
  socket.addEventListener('close', () => {
    closed = true;
    pending.forEach((resolve) => resolve({ ok: false, error: lost }));
    pending.clear();
    lostListeners.forEach((listener) => listener(lost));
  });

  const call = async (method: string, args: unknown[]): Promise<Result<unknown>> => {
    if (!(await opened) || socket.readyState !== WebSocket.OPEN) return { ok: false, error: lost };
    const id = nextId++;
    const message: ClientMessage = { type: 'call', id, method, args };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify(message));
    });
  };
  const subscribe = (event: EventName, listener: (payload: unknown) => void): Unsubscribe => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };

  const onLost = (listener: (error: BinderyError) => void): Unsubscribe => {
    if (closed) {
      listener(lost);
      return () => undefined;
    }
    lostListeners.add(listener);
    return () => lostListeners.delete(listener);
  };

  const transport: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) transport[method] = (...args: unknown[]) => call(method, args);
  for (const event of EVENT_NAMES) transport[event] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  // Built from the same name lists the contract declares.
  return { transport: transport as BinderyTransport, onLost };
}
