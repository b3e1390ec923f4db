// The hosts the engine can show (this computer, a captured tree, the
// simulations) and switching between them. The new host's snapshot arrives
// through onDidChangeSnapshot like any other.
import { useCallback, useEffect, useState } from 'react';
import type { BinderyApi } from '../../src-shared/api';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';
import type { HostChoice } from '../../src-shared/model';

export interface HostsState {
  readonly choices: readonly HostChoice[];
  /** The host being switched to, until the engine confirms. */
  readonly switching: string | null;
  readonly error: BinderyError | null;
  readonly select: (hostId: string) => void;
}

export function useHosts(api: BinderyApi): HostsState {
  const [choices, setChoices] = useState<readonly HostChoice[]>([]);
  const [switching, setSwitching] = useState<string | null>(null);
  const [error, setError] = useState<BinderyError | null>(null);

  useEffect(() => {
    let current = true;
    api.listHosts().then(
      (list) => current && setChoices(list),
      (thrown: unknown) => current && setError(toBinderyError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const select = useCallback(
    (hostId: string) => {
      setSwitching(hostId);
      setError(null);
      api.selectHost(hostId).then(
        () => setSwitching(null),
        (thrown: unknown) => {
          setSwitching(null);
          setError(toBinderyError(thrown));
        },
      );
    },
    [api],
  );

  return { choices, switching, error, select };
}
