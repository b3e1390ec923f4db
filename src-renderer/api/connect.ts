// Finds the engine: Electron's preload exposes `window.bindery`; in a plain
// browser the page came from the bridge and its address carries the token.
import type { BinderyApi, BinderyTransport } from '../../src-shared/api';
import { TOKEN_PARAM } from '../../src-shared/bridge-protocol';
import { openBridgeTransport } from './bridge-transport';
import { apiFromTransport } from './client';

declare global {
  interface Window {
    readonly bindery?: BinderyTransport;
  }
}

/** null when the page was opened without Electron and without a bridge token. */
export function connect(): BinderyApi | null {
  if (window.bindery) return apiFromTransport(window.bindery);
  const token = new URLSearchParams(window.location.hash.slice(1)).get(TOKEN_PARAM);
  if (!token) return null;
  return apiFromTransport(openBridgeTransport(window.location.origin, token));
}
