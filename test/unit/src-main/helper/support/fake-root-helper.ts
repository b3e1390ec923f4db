// A test-only helper entry: the installed helper's code (runHelper) on the fake
// root named by its first argument, `node fake-root-helper.cjs ROOT VERB`.
// Its modprobe stand-in records each load in ROOT/trace, slowly, so tests can
// see whether two helpers ever interleave. No package ships this entry.
import fs from 'node:fs';
import path from 'node:path';
import { DONE, failed } from '../../../../../src-main/engine/ops/attempt';
import { MAX_REQUEST_BYTES } from '../../../../../src-main/engine/ops/privileged/protocol';
import { readInput } from '../../../../../src-main/helper/read-input';
import { runHelper } from '../../../../../src-main/helper/run-helper';

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function main(): Promise<void> {
  const [root = '', ...args] = process.argv.slice(2);
  const trace = path.join(root, 'trace');
  const modprobe = (module: string) => {
    fs.appendFileSync(trace, `${process.pid} start ${module}\n`);
    sleep(25);
    fs.appendFileSync(trace, `${process.pid} end ${module}\n`);
    return module.startsWith('broken') ? failed('EIO', `modprobe ${module}: broken`) : DONE;
  };
  const input = await readInput(process.stdin, MAX_REQUEST_BYTES);
  const run = runHelper(args, input, { root, who: 'uid 1000 via pkexec', tools: { modprobe }, logger: null });
  process.stdout.write(`${JSON.stringify(run.answer)}\n`);
  process.exitCode = run.exitCode;
}

void main();
