// How a change reaches the kernel: as root, the same code as the helper runs in
// process (same schema, lock and audit); otherwise through pkexec and the
// installed helper. Never by running node or Electron through pkexec.
import type { OperationResult } from '../../host/host';
import { errorAnswer } from './answers';
import { systemContext } from './context';
import type { PrivilegedContext } from './context';
import { performVerb } from './perform-verb';
import { runThroughPkexec } from './pkexec-client';
import type { PkexecRoute } from './pkexec-client';
import { HELPER_PATH, PKEXEC_PATH } from './protocol';
import type { HelperAnswer, HelperRequest } from './protocol';
import { parseRequest } from './request-schema';

export type ChangeRoute = { readonly kind: 'in-process'; readonly context: PrivilegedContext } | PkexecRoute;

export function defaultChangeRoute(): ChangeRoute {
  return process.getuid?.() === 0
    ? { kind: 'in-process', context: systemContext() }
    : { kind: 'pkexec', pkexec: PKEXEC_PATH, helper: HELPER_PATH };
}

export async function requestChange(route: ChangeRoute, request: HelperRequest): Promise<HelperAnswer> {
  if (route.kind === 'pkexec') return runThroughPkexec(route, request);
  const { verb, ...body } = request;
  const checked = parseRequest(verb, body);
  if (!checked.ok) return errorAnswer('bad-request', checked.error);
  return performVerb(route.context, checked.request);
}

/** An answer to an `apply` of one operation, as Host.perform reports it. */
export function operationResultOf(answer: HelperAnswer): OperationResult {
  const performed = answer.results.at(-1);
  if (performed) return performed.result;
  if (answer.error === null) return { ok: true };
  const { errno, detail, remedy } = answer.error;
  return { ok: false, errno, message: remedy === null ? detail : `${detail} ${remedy}` };
}
