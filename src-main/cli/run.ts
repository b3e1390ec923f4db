// Runs one parsed command against the engine and returns what to print.
import { BinderyFailure, bindery } from '../../src-shared/errors';
import { findDevice } from '../engine/service/find-device';
import { openWorkspace } from '../engine/service/open-workspace';
import type { InventoryService } from '../engine/service/inventory-service';
import type { CommandLine } from './command-line';
import { USAGE } from './command-line';
import { candidatesForFile, readModaliasFile } from './commands/candidates';
import { listDevices } from './commands/list';
import { showDevice } from './commands/show';
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

export async function runCommand(commandLine: CommandLine): Promise<RunResult> {
  const { command, json } = commandLine;
  if (command.kind === 'help') return { stdout: USAGE, exitCode: EXIT_OK };
  const service = openWorkspace(commandLine.engine).inventory;
  switch (command.kind) {
    case 'list':
      return { stdout: listDevices(await service.getSnapshot(), command.bus, json), exitCode: EXIT_OK };
    case 'show': {
      const snapshot = await service.getSnapshot();
      const device = findDevice(snapshot, command.device);
      const report = await service.getCandidates(device.id);
      return { stdout: showDevice(snapshot, device, report, json), exitCode: EXIT_OK };
    }
    case 'candidates': {
      requireAliases(service);
      const device = findDevice(await service.getSnapshot(), command.device);
      const report = await service.getCandidates(device.id);
      return { stdout: json ? JSON.stringify(candidatesJson(report), null, 2) : candidatesText(report), exitCode: EXIT_OK };
    }
    case 'candidates-modalias': {
      requireAliases(service);
      const report = service.candidatesForModalias(command.modalias);
      return { stdout: json ? JSON.stringify(candidatesJson(report), null, 2) : candidatesText(report), exitCode: EXIT_OK };
    }
    case 'candidates-file': {
      const modaliases = readModaliasFile(command.file);
      requireAliases(service);
      const result = candidatesForFile(service, modaliases, json);
      return { stdout: result.output, exitCode: result.failures > 0 ? EXIT_BAD_INPUT : EXIT_OK };
    }
  }
}
