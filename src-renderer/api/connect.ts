// Finds the engine: Electron's preload exposes `window.bindery`; in a plain
// browser the page came from the bridge and its address carries the token.
import type { BinderyApi, BinderyTransport, Unsubscribe } from '../../src-shared/api';
import { TOKEN_PARAM } from '../../src-shared/bridge-protocol';
import type { BinderyError } from '../../src-shared/errors';
import { openBridgeTransport } from './bridge-transport';
import { apiFromTransport } from './client';

declare global {
  interface Window {
    readonly bindery?: BinderyTransport;
  }
}

export interface Engine {
  readonly api: BinderyApi;
  /**
   * Tells the moment the engine can no longer be reached; null where that
   * cannot happen apart from the window itself (Electron's IPC).
   */
  readonly onLost: ((listener: (error: BinderyError) => void) => Unsubscribe) | null;
}

/** null when the page was opened without Electron and without a bridge token. */
export function connect(): Engine | null {
  if (window.bindery) return { api: apiFromTransport(window.bindery), onLost: null };
  const token = new URLSearchParams(window.location.hash.slice(1)).get(TOKEN_PARAM);
  if (!token) return null;
  const bridge = openBridgeTransport(window.location.origin, token);
  return { api: apiFromTransport(bridge.transport), onLost: bridge.onLost };
}
