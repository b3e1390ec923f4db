// Which devices are kept on their driver across reboots, and driverctl's
// overrides: read again with every new snapshot (whether a kept device is
// present depends on it), changed through the engine, which answers with the new state.
import { useCallback, useEffect, useState } from 'react';
import type { BinderyApi } from '../../src-shared/api';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';
import type { DeviceId } from '../../src-shared/model';
import type { PersistenceState } from '../../src-shared/plan';

export interface PersistenceControls {
  /** null until the first answer. */
  readonly state: PersistenceState | null;
  /** The device being kept or let go, or `driverctl` while importing. */
  readonly busy: DeviceId | 'driverctl' | null;
  readonly error: BinderyError | null;
  /** What the error is about: the device that could not be kept or let go, `driverctl`, or null for reading. */
  readonly failed: DeviceId | 'driverctl' | null;
  readonly setKeep: (deviceId: DeviceId, keep: boolean) => void;
  readonly importDriverctl: () => void;
}

export function usePersistence(api: BinderyApi, key: string): PersistenceControls {
  const [state, setState] = useState<PersistenceState | null>(null);
  const [busy, setBusy] = useState<DeviceId | 'driverctl' | null>(null);
  const [error, setError] = useState<BinderyError | null>(null);
  const [failed, setFailed] = useState<DeviceId | 'driverctl' | null>(null);

  useEffect(() => {
    let current = true;
    api.getPersistence().then(
      (next) => {
        if (current) setState(next);
      },
      (thrown: unknown) => {
        if (!current) return;
        setError(toBinderyError(thrown));
        setFailed(null);
      },
    );
    return () => {
      current = false;
    };
  }, [api, key]);

  const change = useCallback((what: DeviceId | 'driverctl', call: () => Promise<PersistenceState>) => {
    setBusy(what);
    setError(null);
    call().then(
      (next) => {
        setState(next);
        setBusy(null);
      },
      (thrown: unknown) => {
        setError(toBinderyError(thrown));
        setFailed(what);
        setBusy(null);
      },
    );
  }, []);

  const setKeep = useCallback((deviceId: DeviceId, keep: boolean) => change(deviceId, () => api.setPersistence(deviceId, keep)), [api, change]);
  const importDriverctl = useCallback(() => change('driverctl', () => api.importDriverctl()), [api, change]);

  return { state, busy, error, failed, setKeep, importDriverctl };
}
