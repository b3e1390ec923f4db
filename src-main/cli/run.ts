// Runs one parsed command against the engine and returns what to print.
import { BinderyFailure, bindery } from '../../src-shared/errors';
import { findDevice } from '../engine/service/find-device';
import { SimStore } from '../engine/host/sim-store';
import { openWorkspace } from '../engine/service/open-workspace';
import type { InventoryService } from '../engine/service/inventory-service';
import type { CommandLine } from './command-line';
import { USAGE } from './command-line';
import { candidatesForFile, readModaliasFile } from './commands/candidates';
import { listDevices } from './commands/list';
import { showDevice } from './commands/show';
import { simList, simMaterialize, simReset, simRun, simScript } from './commands/sim';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes';
import { candidatesJson, candidatesText } from './format/candidates-text';

export interface RunResult {
  readonly stdout: string;
  readonly exitCode: number;
}

/** Candidates need modules.alias; say so plainly instead of printing an empty list. */
function requireAliases(service: InventoryService): void {
  const source = service.aliasSource;
  if (source.status === 'ok') return;
  throw new BinderyFailure(
    bindery('NO_MODULES_ALIAS', 'No modules.alias', source.message ?? 'The kernel’s modules.alias could not be read.'),
  );
}

export async function runCommand(commandLine: CommandLine, store: SimStore = new SimStore()): Promise<RunResult> {
  const { command, json } = commandLine;
  // Opened only by the commands that read a host: sim commands work on scenarios directly.
  const host = () => openWorkspace(commandLine.engine, store).inventory;
  switch (command.kind) {
    case 'help':
      return { stdout: USAGE, exitCode: EXIT_OK };
    case 'list':
      return { stdout: listDevices(await host().getSnapshot(), command.bus, json), exitCode: EXIT_OK };
    case 'show': {
      const service = host();
      const snapshot = await service.getSnapshot();
      const device = findDevice(snapshot, command.device);
      const report = await service.getCandidates(device.id);
      return { stdout: showDevice(snapshot, device, report, json), exitCode: EXIT_OK };
    }
    case 'candidates': {
      const service = host();
      requireAliases(service);
      const device = findDevice(await service.getSnapshot(), command.device);
      const report = await service.getCandidates(device.id);
      return { stdout: json ? JSON.stringify(candidatesJson(report), null, 2) : candidatesText(report), exitCode: EXIT_OK };
    }
    case 'candidates-modalias': {
      const service = host();
      requireAliases(service);
      const report = service.candidatesForModalias(command.modalias);
      return { stdout: json ? JSON.stringify(candidatesJson(report), null, 2) : candidatesText(report), exitCode: EXIT_OK };
    }
    case 'candidates-file': {
      const modaliases = readModaliasFile(command.file);
      const service = host();
      requireAliases(service);
      const result = candidatesForFile(service, modaliases, json);
      return { stdout: result.output, exitCode: result.failures > 0 ? EXIT_BAD_INPUT : EXIT_OK };
    }
    case 'sim-list':
      return { stdout: simList(store, json), exitCode: EXIT_OK };
    case 'sim-materialize':
      return { stdout: simMaterialize(store, command.scenario, command.dir), exitCode: EXIT_OK };
    case 'sim-script':
      return { stdout: simScript(command.scenario, command.files), exitCode: EXIT_OK };
    case 'sim-run':
      return { stdout: simRun(store, command.scenario, command.files), exitCode: EXIT_OK };
    case 'sim-reset':
      return { stdout: simReset(store, command.scenario), exitCode: EXIT_OK };
  }
}
