// bindery-helper: the privileged entry, installed root-owned as
// /usr/libexec/bindery/bindery-helper and started by pkexec (one polkit action
// per verb), by systemd at boot, or by udev through systemd. It acts on the
// machine's own root only: nothing in its environment or input can move it.
import { systemContext } from '../engine/ops/privileged/context';
import { changeError, errorAnswer } from '../engine/ops/privileged/answers';
import { EXIT_CODES, MAX_REQUEST_BYTES } from '../engine/ops/privileged/protocol';
import type { HelperAnswer } from '../engine/ops/privileged/protocol';
import { readInput } from './read-input';
import { runHelper } from './run-helper';

function finish(answer: HelperAnswer, exitCode: number): void {
  process.stdout.write(`${JSON.stringify(answer)}\n`);
  process.exitCode = exitCode;
}

async function main(): Promise<void> {
  // Files it creates (the state file, the audit log) get the modes it asks for.
  process.umask(0o022);
  if (process.geteuid?.() !== 0) {
    finish(errorAnswer('refused', changeError('EPERM', 'Not running as root',
      'bindery-helper changes devices as root; it was started as another user. Nothing was changed.',
      'Bindery starts it through pkexec; to use it by hand, run it with sudo.')), EXIT_CODES.refused);
    return;
  }
  const input = await readInput(process.stdin, MAX_REQUEST_BYTES);
  const run = runHelper(process.argv.slice(2), input, systemContext(process.env));
  finish(run.answer, run.exitCode);
}

main().catch((error: unknown) => {
  finish(errorAnswer('failed', changeError('EIO', 'The helper stopped', String(error))), EXIT_CODES.failed);
});
