// The host's inventory: the first read, refreshes on request, and whatever the
// engine pushes (onDidChangeSnapshot, and a host switch that clears it). A failed refresh keeps the last good
// snapshot on screen and says what went wrong.
import { useCallback, useEffect, useState } from 'react';
import type { BinderyApi } from '../../src-shared/api';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';
import type { Snapshot } from '../../src-shared/model';

export interface SnapshotState {
  readonly snapshot: Snapshot | null;
  /** Why the latest read failed (the first one, or a refresh). */
  readonly error: BinderyError | null;
  readonly refreshing: boolean;
  readonly refresh: () => void;
}

/** The same scan arrives twice (refresh's answer and the event): keep one object. */
function newer(previous: Snapshot | null, next: Snapshot): Snapshot {
  return previous && previous.takenAt === next.takenAt && previous.host.id === next.host.id ? previous : next;
}

export function useSnapshot(api: BinderyApi): SnapshotState {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [error, setError] = useState<BinderyError | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    let current = true;
    const accept = (next: Snapshot) => {
      if (!current) return;
      setSnapshot((previous) => newer(previous, next));
      setError(null);
    };
    api.getSnapshot().then(accept, (thrown: unknown) => {
      if (current) setError(toBinderyError(thrown));
    });
    const unsubscribe = api.onDidChangeSnapshot(accept);
    // Another host's devices are on their way: showing the old ones under a new name would mislead.
    const unsubscribeHost = api.onDidChangeHost(() => {
      if (current) setSnapshot(null);
    });
    return () => {
      current = false;
      unsubscribe();
      unsubscribeHost();
    };
  }, [api]);

  const refresh = useCallback(() => {
    setRefreshing(true);
    api.refresh().then(
      (next) => {
        setSnapshot((previous) => newer(previous, next));
        setError(null);
        setRefreshing(false);
      },
      (thrown: unknown) => {
        setError(toBinderyError(thrown));
        setRefreshing(false);
      },
    );
  }, [api]);

  return { snapshot, error, refreshing, refresh };
}
