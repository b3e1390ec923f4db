// A plan that stopped half-way (Bindery or the machine stopped), asked for
// when the host is shown and again whenever a change ends.
import { useEffect, useState } from 'react';
import type { BinderyApi } from '../../src-shared/api';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';
import type { InterruptedPlan } from '../../src-shared/plan';

export interface InterruptedState {
  readonly interrupted: InterruptedPlan | null;
  readonly error: BinderyError | null;
}

export function useInterrupted(api: BinderyApi, key: string): InterruptedState {
  const [state, setState] = useState<InterruptedState>({ interrupted: null, error: null });
  useEffect(() => {
    let current = true;
    api.getInterrupted().then(
      (interrupted) => current && setState({ interrupted, error: null }),
      (thrown: unknown) => current && setState({ interrupted: null, error: toBinderyError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [api, key]);
  return state;
}
