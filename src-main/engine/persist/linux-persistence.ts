// The live machine's persistence: read as any user, changed through the
// privileged helper (or in process as root).
import type { OperationResult } from '../host/host';
import type { HostPersistence, StoredDevice, StoredPersistence } from '../host/host-persistence';
import { requestChange } from '../ops/privileged/change-route';
import type { ChangeRoute } from '../ops/privileged/change-route';
import type { HelperAnswer } from '../ops/privileged/protocol';
import { importDriverctlOverrides, readDriverctlOverrides } from './driverctl';
import { readPersisted } from './persisted-file';

function resultOf(answer: HelperAnswer): OperationResult {
  if (answer.error === null) return { ok: true };
  const { errno, detail, remedy } = answer.error;
  return { ok: false, errno, message: remedy === null ? detail : `${detail} ${remedy}` };
}

export function linuxPersistence(route: ChangeRoute): HostPersistence {
  return {
    async read(): Promise<StoredPersistence> {
      const persisted = readPersisted('/');
      return {
        devices: persisted.ok ? persisted.value.devices : [],
        driverctl: readDriverctlOverrides('/').overrides,
        problem: persisted.ok ? null : `${persisted.error.title}: ${persisted.error.detail}`,
      };
    },
    async keep(entry: StoredDevice) {
      return resultOf(await requestChange(route, { verb: 'persist', ...entry }));
    },
    async forget(address: string) {
      return resultOf(await requestChange(route, { verb: 'unpersist', device: address }));
    },
    async importDriverctl() {
      return (await importDriverctlOverrides('/', route)).map((done) => ({
        device: done.override.device,
        result: 'answer' in done ? resultOf(done.answer) : { ok: false as const, errno: 'EOPNOTSUPP', message: done.skipped },
      }));
    },
  };
}
