// The `bindery` command.
import { commandLineError } from '../engine/service/engine-options';
import { parseCommandLine } from './command-line';
import { exitCodeFor } from './exit-codes';
import { runCommand } from './run';

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === '') resolve();
    else stream.write(text.endsWith('\n') ? text : `${text}\n`, () => resolve());
  });
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const result = await runCommand(parseCommandLine(argv));
    await write(process.stdout, result.stdout);
    return result.exitCode;
  } catch (thrown) {
    const error = commandLineError(thrown);
    await write(process.stderr, `bindery: ${error.title}: ${error.detail}${error.remedy ? `\n${error.remedy}` : ''}`);
    return exitCodeFor(error.code);
  }
}

// A closed pipe (`bindery list | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
