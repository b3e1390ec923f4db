// One helper run, from argv and the bytes on stdin to the answer and the exit
// code. Everything about the request is checked before anything is looked at:
// one known verb, at most 64 KiB of UTF-8, strict JSON, the closed schema.
// The context carries the root, so tests run this very code on fake roots;
// the installed helper's entry (main.ts) always passes the machine's.
import { changeError, errorAnswer } from '../engine/ops/privileged/answers';
import type { PrivilegedContext } from '../engine/ops/privileged/context';
import { performVerb } from '../engine/ops/privileged/perform-verb';
import { EXIT_CODES, MAX_REQUEST_BYTES, VERBS, isVerb } from '../engine/ops/privileged/protocol';
import type { HelperAnswer } from '../engine/ops/privileged/protocol';
import { parseRequest } from '../engine/ops/privileged/request-schema';
import { JsonError, parseStrictJson } from './strict-json';

export interface HelperRun {
  readonly answer: HelperAnswer;
  readonly exitCode: number;
}

const USAGE = `usage: bindery-helper VERB < request.json, where VERB is one of ${VERBS.join(', ')}`;

function badRequest(detail: string, remedy: string | null = null): HelperRun {
  return { answer: errorAnswer('bad-request', changeError('EINVAL', 'Bad request', `${detail} Nothing was changed.`, remedy)), exitCode: EXIT_CODES['bad-request'] };
}

function decode(input: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return null;
  }
}

export function runHelper(args: readonly string[], input: Uint8Array, context: PrivilegedContext): HelperRun {
  const [verb, ...extra] = args;
  if (verb === undefined || extra.length > 0) return badRequest('The helper takes exactly one argument, the verb.', USAGE);
  if (!isVerb(verb)) return badRequest(`Unknown verb ${JSON.stringify(verb.slice(0, 40))}.`, USAGE);
  if (input.length > MAX_REQUEST_BYTES) return badRequest(`The request is larger than ${MAX_REQUEST_BYTES / 1024} KiB.`);
  const text = decode(input);
  if (text === null) return badRequest('The request is not UTF-8 text.');
  let body: unknown;
  try {
    body = parseStrictJson(text);
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    return badRequest(`The request is not valid JSON: ${error.message}.`);
  }
  const checked = parseRequest(verb, body);
  if (!checked.ok) return { answer: errorAnswer('bad-request', checked.error), exitCode: EXIT_CODES['bad-request'] };
  const answer = performVerb(context, checked.request);
  return { answer, exitCode: EXIT_CODES[answer.status] };
}
