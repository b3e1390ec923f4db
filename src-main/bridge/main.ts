// `npm run web`: serve the UI and the engine to a browser on loopback.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BinderyFailure, bindery } from '../../src-shared/errors';
import { createDispatcher } from '../engine/service/dispatcher';
import { ENGINE_OPTION_SPEC, commandLineError, engineOptionsFrom } from '../engine/service/engine-options';
import { openWorkspace } from '../engine/service/open-workspace';
import { startBridge } from './server';

const USAGE = 'usage: npm run web -- [--demo SCENARIO | --sysfs-root DIR] [--modules-alias FILE] [--port N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ...ENGINE_OPTION_SPEC, port: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new BinderyFailure(bindery('BAD_INPUT', 'Invalid port', `--port must be a number from 0 to 65535, not ${values.port}.`));
  }
  const workspace = openWorkspace(engineOptionsFrom(values));
  await workspace.refresh();
  const bridge = await startBridge({
    dispatcher: createDispatcher(workspace),
    rendererDir: path.resolve(__dirname, '..', 'renderer'),
    port,
  });
  console.log(`Bindery is serving ${(await workspace.getHost()).label}`);
  console.log(`Open ${bridge.url}`);
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((thrown: unknown) => {
  const error = commandLineError(thrown);
  console.error(`bindery web: ${error.title}: ${error.detail}`);
  if (error.remedy) console.error(error.remedy);
  console.error(USAGE);
  process.exit(2);
});
