// apply: the request's operations in order, each checked against the tree just
// before it runs (an earlier step may load the driver a later one names),
// stopping at the first that does not succeed. One audit line each.
import type { Operation } from '../../../../src-shared/plan';
import type { OperationResult } from '../../host/host';
import type { SysfsAttempt } from '../attempt';
import { attemptOnSysfs } from '../perform-on-sysfs';
import { audit } from './audit';
import { changeError, doneAnswer, errorAnswer } from './answers';
import type { PrivilegedContext } from './context';
import type { HelperAnswer, OperationReport, Verb } from './protocol';

export function resultOf(attempt: SysfsAttempt): OperationResult {
  return attempt.ok ? { ok: true } : { ok: false, errno: attempt.errno, message: attempt.message };
}

/** Performs one operation under the context's root and writes its audit line. */
export function auditedAttempt(context: PrivilegedContext, verb: Verb, operation: Operation): SysfsAttempt {
  const attempt = attemptOnSysfs(context.root, operation, context.tools);
  audit(context, { verb, what: operation, result: attempt.ok ? 'ok' : { errno: attempt.errno, message: attempt.message } });
  return attempt;
}

export function applyOperations(context: PrivilegedContext, operations: readonly Operation[]): HelperAnswer {
  const results: OperationReport[] = [];
  for (const operation of operations) {
    const attempt = auditedAttempt(context, 'apply', operation);
    results.push({ operation, result: resultOf(attempt) });
    if (!attempt.ok) {
      const done = results.length - 1;
      const before = done === 0 ? 'Nothing was changed.' : `The ${done} operation(s) before it were done.`;
      const error = attempt.refused
        ? changeError(attempt.errno, 'Change refused', `${attempt.message} ${before}`)
        : changeError(attempt.errno, 'The change failed', `${attempt.message} ${before}`);
      return errorAnswer(attempt.refused ? 'refused' : 'failed', error, results);
    }
  }
  return doneAnswer(`Done: ${results.length} operation(s).`, results);
}
