// Notices when the engine can no longer be reached. The bridge reports a
// closed socket only as a failed call (TRANSPORT), so every call goes through
// a thin wrapper that records it; the UI then says so once, plainly.
import { useMemo, useState } from 'react';
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/api';
import type { BinderyApi } from '../../src-shared/api';
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

export function useConnection(api: BinderyApi): Connection {
  const [lost, setLost] = useState<BinderyError | null>(null);
  const watched = useMemo(() => watchTransport(api, (error) => setLost((prev) => prev ?? error)), [api]);
  return { api: watched, lost };
}
