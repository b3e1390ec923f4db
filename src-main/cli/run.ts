// Runs one parsed command against the engine and returns what to print.
import { BinderyFailure, bindery } from '../../src-shared/errors';
import { findDevice } from '../engine/service/find-device';
import { SimStore } from '../engine/host/sim-store';
import { openWorkspace } from '../engine/service/open-workspace';
import type { Workspace } from '../engine/service/workspace';
import type { InventoryService } from '../engine/service/inventory-service';
import type { CommandLine } from './command-line';
import { USAGE } from './command-line';
import { candidatesForFile, readModaliasFile } from './commands/candidates';
import { applyWithReview, goalOf, historyText, planResult, recover } from './commands/changes';
import type { Console, RunResult } from './commands/changes';
import { persistedText } from './commands/persist';
import { listDevices } from './commands/list';
import { showDevice } from './commands/show';
import { simList, simMaterialize, simReset, simRun, simScript } from './commands/sim';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes';
import { candidatesJson, candidatesText } from './format/candidates-text';


/** Candidates need modules.alias; say so plainly instead of printing an empty list. */
function requireAliases(service: InventoryService): void {
  const source = service.aliasSource;
  if (source.status === 'ok') return;
  throw new BinderyFailure(
    bindery('NO_MODULES_ALIAS', 'No modules.alias', source.message ?? 'The kernel’s modules.alias could not be read.'),
  );
}

/** A console for scripts: no terminal to ask on, progress dropped. */
export const QUIET: Console = { progress: () => undefined, confirm: async () => null };

export async function runCommand(commandLine: CommandLine, store: SimStore = new SimStore(), io: Console = QUIET): Promise<RunResult> {
  const { command, json } = commandLine;
  // Opened only by the commands that read a host: sim commands work on scenarios directly.
  let workspace: Workspace | null = null;
  const open = () => (workspace ??= openWorkspace(commandLine.engine, store));
  const host = () => open().inventory;
  const changes = () => open().changes;
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
    case 'plan': {
      const goal = goalOf(command.goal, await host().getSnapshot());
      return planResult(await changes().planGoal(goal), json);
    }
    case 'apply': {
      const goal = goalOf(command.goal, await host().getSnapshot());
      return applyWithReview(changes(), await changes().planGoal(goal), { yes: command.yes, force: command.force, json }, io);
    }
    case 'undo':
      return applyWithReview(changes(), await changes().planUndo(), { yes: command.yes, force: command.force, json }, io);
    case 'history':
      return historyText(changes(), json);
    case 'recover':
      return recover(changes(), command.action, json);
    case 'persist': {
      const device = findDevice(await host().getSnapshot(), command.device);
      return { stdout: persistedText(await changes().setPersistence(device.id, command.keep), json), exitCode: EXIT_OK };
    }
    case 'persisted': {
      const state = command.importDriverctl ? await changes().importDriverctl() : await changes().persistence();
      return { stdout: persistedText(state, json), exitCode: EXIT_OK };
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
