// Building answers, so every verb says things the same way.
import type { ChangeError, HelperAnswer, HelperStatus, OperationReport, RestoreReport } from './protocol';

export function doneAnswer(summary: string, results: readonly OperationReport[] = [], restored: readonly RestoreReport[] = []): HelperAnswer {
  return { status: 'done', summary, error: null, results, restored };
}

export function errorAnswer(
  status: Exclude<HelperStatus, 'done'>,
  error: ChangeError,
  results: readonly OperationReport[] = [],
  restored: readonly RestoreReport[] = [],
): HelperAnswer {
  return { status, summary: error.title, error, results, restored };
}

export function changeError(errno: string, title: string, detail: string, remedy: string | null = null): ChangeError {
  return { errno, title, detail, remedy };
}
