// Asking for a change as an unprivileged user: pkexec runs the installed helper
// as root once polkit has authenticated the user (one action per verb). The
// request goes on stdin as JSON, never in arguments or a shell string; the
// answer on stdout is checked like any other input.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { errnoOf } from '../errno';
import { changeError, errorAnswer } from './answers';
import { HelperAnswerSchema } from './answer-schema';
import { EXIT_CODES } from './protocol';
import type { ChangeError, HelperAnswer, HelperRequest } from './protocol';

export interface PkexecRoute {
  readonly kind: 'pkexec';
  readonly pkexec: string;
  readonly helper: string;
}

const CANCELLED = 'Authentication was cancelled; nothing changed.';
/** pkexec's own exits: 126 when the user dismissed the dialog, 127 when not authorized (or it could not ask). */
const PKEXEC_DECLINED = new Set([126, 127]);
const MAX_ANSWER_BYTES = 1024 * 1024;

/** Why the helper cannot be run, or null when it can: it must be installed, root-owned and changeable only by root. */
function helperProblem(helper: string): ChangeError | null {
  const stat = fs.statSync(helper, { throwIfNoEntry: false });
  if (!stat) {
    return changeError('ENOENT', 'The privileged helper is not installed',
      `Bindery changes devices through ${helper}, which is not installed here (a development checkout?). Nothing was changed.`,
      'Install the Bindery package, which installs the helper and its polkit policy, or run the bindery command with sudo.');
  }
  if (!stat.isFile() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    return changeError('EPERM', 'The privileged helper is not safe to run',
      `${helper} must be a file owned by root that only root can change. Nothing was changed.`, 'Reinstall the Bindery package.');
  }
  return null;
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').replace(/\p{Cc}/gu, ' ').trim().slice(0, 300);
}

function answerOf(code: number | null, stdout: string, stderr: string): HelperAnswer {
  if (code !== null && PKEXEC_DECLINED.has(code)) {
    const noAgent = /no authentication agent/i.test(stderr);
    return errorAnswer('refused', changeError('ECANCELED', 'Authentication was cancelled',
      noAgent ? 'No polkit authentication agent is running to ask for your password; nothing changed.' : CANCELLED,
      noAgent ? 'Log in to a desktop session (it runs the agent), or run the bindery command with sudo.' : null));
  }
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    // Handled below as no answer.
  }
  const answer = HelperAnswerSchema.safeParse(parsed);
  if (answer.success && EXIT_CODES[answer.data.status] === code) return answer.data;
  const said = firstLine(stderr);
  return errorAnswer('failed', changeError('EIO', 'The helper gave no answer',
    `bindery-helper ended with ${code === null ? 'a signal' : `exit status ${code}`} and no valid answer${said ? `: ${said}` : '.'}`,
    'Check the system log for bindery-helper; the device may have changed, so look at it again.'));
}

export function runThroughPkexec(route: PkexecRoute, request: HelperRequest): Promise<HelperAnswer> {
  const problem = helperProblem(route.helper);
  if (problem) return Promise.resolve(errorAnswer('refused', problem));
  const { verb, ...body } = request;
  return new Promise((resolve) => {
    const child = spawn(route.pkexec, [route.helper, verb], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ANSWER_BYTES) stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_384) stderr += chunk.toString('utf8');
    });
    // pkexec exits without reading its input when authentication is cancelled.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      resolve(errorAnswer('refused', changeError(errnoOf(error), 'pkexec cannot be started',
        `${route.pkexec}: ${errnoOf(error)}. Nothing was changed.`, 'Install polkit (the pkexec package), or run the bindery command with sudo.')));
    });
    child.on('close', (code) => resolve(answerOf(code, Buffer.concat(stdout).toString('utf8'), stderr)));
    child.stdin.end(JSON.stringify(body));
  });
}
