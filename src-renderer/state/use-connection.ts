// Notices when the engine can no longer be reached: at once where the
// transport tells (the bridge's socket closed), else when a call fails with
// TRANSPORT, which every call is watched for. The UI then says so once, plainly.
import { useEffect, useMemo, useState } from 'react';
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/api';
import type { BinderyApi, Unsubscribe } from '../../src-shared/api';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';

export interface Connection {
  readonly api: BinderyApi;
  /** The transport error that ended the connection, once one did. */
  readonly lost: BinderyError | null;
}

function watchTransport(api: BinderyApi, onLost: (error: BinderyError) => void): BinderyApi {
  const watched: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const call = api[method] as (...args: unknown[]) => Promise<unknown>;
    watched[method] = (...args: unknown[]) =>
      call(...args).catch((thrown: unknown) => {
        const error = toBinderyError(thrown);
        if (error.code === 'TRANSPORT') onLost(error);
        throw thrown;
      });
  }
  for (const event of EVENT_NAMES) watched[event] = api[event];
  // Same method and event names as the contract, each forwarding to `api`.
  return watched as BinderyApi;
}

export function useConnection(
  api: BinderyApi,
  onLost: ((listener: (error: BinderyError) => void) => Unsubscribe) | null,
): Connection {
  const [lost, setLost] = useState<BinderyError | null>(null);
  const watched = useMemo(() => watchTransport(api, (error) => setLost((prev) => prev ?? error)), [api]);
  useEffect(() => onLost?.((error) => setLost((prev) => prev ?? error)), [onLost]);
  return { api: watched, lost };
}
