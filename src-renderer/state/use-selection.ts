// The selected device. Stored by ID so it survives refreshes; it reads as
// nothing while the current snapshot lacks that device.
import { useState } from 'react';
import type { Device, DeviceId } from '../../src-shared/model';

export interface Selection {
  readonly selectedId: DeviceId | null;
  readonly select: (id: DeviceId | null) => void;
}

export function useSelection(byId: ReadonlyMap<DeviceId, Device>): Selection {
  const [chosen, setChosen] = useState<DeviceId | null>(null);
  return { selectedId: chosen && byId.has(chosen) ? chosen : null, select: setChosen };
}
