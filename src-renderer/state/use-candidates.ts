// The ranked drivers of the selected device, asked again for every new
// snapshot. While a new answer is on its way the previous one for the same
// device stays up, so a refresh does not blank the panel.
import { useEffect, useState } from 'react';
import type { BinderyApi } from '../../src-shared/api';
import type { CandidateReport } from '../../src-shared/candidates';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';
import type { DeviceId } from '../../src-shared/model';

export type CandidatesState =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly report: CandidateReport }
  | { readonly status: 'failed'; readonly error: BinderyError };

interface Answer {
  readonly deviceId: DeviceId;
  readonly key: string;
  readonly state: CandidatesState;
}

export function useCandidates(api: BinderyApi, deviceId: DeviceId | null, snapshotKey: string | null): CandidatesState {
  const key = deviceId && snapshotKey ? `${snapshotKey}\n${deviceId}` : null;
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!deviceId || !key) return;
    let current = true;
    api.getCandidates(deviceId).then(
      (report) => {
        if (current) setAnswer({ deviceId, key, state: { status: 'ready', report } });
      },
      (thrown: unknown) => {
        if (current) setAnswer({ deviceId, key, state: { status: 'failed', error: toBinderyError(thrown) } });
      },
    );
    return () => {
      current = false;
    };
  }, [api, deviceId, key]);

  if (!deviceId || !key) return { status: 'none' };
  if (answer?.key === key || answer?.deviceId === deviceId) return answer.state;
  return { status: 'loading' };
}
