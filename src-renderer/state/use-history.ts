// The applied changes of the host shown, newest first: read again whenever
// the host changes (every applied plan changes it) or a change ends.
import { useEffect, useState } from 'react';
import type { BinderyApi } from '../../src-shared/api';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';
import type { HistoryEntry } from '../../src-shared/plan';

export type HistoryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entries: readonly HistoryEntry[] }
  | { readonly status: 'failed'; readonly error: BinderyError };

export function useHistory(api: BinderyApi, key: string): HistoryState {
  const [answer, setAnswer] = useState<HistoryState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    api.getHistory().then(
      (entries) => current && setAnswer({ status: 'ready', entries }),
      (thrown: unknown) => current && setAnswer({ status: 'failed', error: toBinderyError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [api, key]);
  return answer;
}
