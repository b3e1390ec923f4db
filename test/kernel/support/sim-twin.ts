// The plan sequence on the simulated twin of the test VM: the product's
// SimHost on a fresh qemu-q35, planned with the scenario's own modules.alias,
// observed through the simulated machine's files as the guest observes /sys.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAliasDatabase } from '../../../src-main/engine/alias/database';
import { SimHost } from '../../../src-main/engine/host/sim-host';
import { SimStore } from '../../../src-main/engine/host/sim-store';
import { openIdDatabase } from '../../../src-main/engine/ids/id-database';
import type { SimMachine } from '../../../src-main/engine/sim/machine';
import type { FileReader, ObservedState } from './observe';
import { observe } from './observe';
import type { PlanRecord } from './plan-record';
import { runPlanSequence } from './plan-sequence';
import { MODULES_ALIAS, SCENARIO } from './scenario';

function machineFiles(machine: SimMachine): FileReader {
  return {
    list: (dir) => {
      const names = machine.list(dir);
      return names.ok ? names.value : null;
    },
    read: (file) => {
      const text = machine.read(file);
      return text.ok ? (text.value.split('\n', 1)[0] ?? '').trimEnd() : null;
    },
    link: (file) => {
      const target = machine.readLink(file);
      return target.ok ? path.posix.basename(target.value) : null;
    },
  };
}

export interface TwinRun {
  readonly start: ObservedState;
  readonly records: readonly PlanRecord[];
}

export async function runOnTwin(): Promise<TwinRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-twin-'));
  try {
    const store = new SimStore(path.join(dir, 'sim'));
    const host = new SimHost({ scenario: SCENARIO, kernelRelease: store.load(SCENARIO).kernelRelease, store, ids: openIdDatabase() });
    const aliases = loadAliasDatabase({ root: '/', kernelRelease: null, modulesAliasFile: MODULES_ALIAS });
    // The saved simulation, as it is after each change.
    const observeNow = (): ObservedState => observe(machineFiles(store.load(SCENARIO)));
    const start = observeNow();
    const records: PlanRecord[] = [];
    await runPlanSequence(host, aliases, path.join(dir, 'state'), observeNow, (record) => records.push(record));
    return { start, records };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
