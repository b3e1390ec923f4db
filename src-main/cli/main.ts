// The `bindery` command.
import readline from 'node:readline/promises';
import { SimStore } from '../engine/host/sim-store';
import { commandLineError } from '../engine/service/engine-options';
import type { Console } from './commands/changes';
import { parseCommandLine } from './command-line';
import { exitCodeFor } from './exit-codes';
import { runCommand } from './run';

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === '') resolve();
    else stream.write(text.endsWith('\n') ? text : `${text}\n`, () => resolve());
  });
}

/** Progress on stderr; questions only where a person can answer them. */
const terminal: Console = {
  progress: (line) => process.stderr.write(`${line}\n`),
  confirm: async (question) => {
    if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
    const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await prompt.question(question)).trim());
    } finally {
      prompt.close();
    }
  },
};

async function main(argv: readonly string[]): Promise<number> {
  try {
    const result = await runCommand(parseCommandLine(argv), new SimStore(), terminal);
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
