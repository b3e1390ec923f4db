// Reading a VM's reports: the lines each script printed, and the guest's errors.
import type { Report } from './job';
import type { VmRun } from './vm';

/** The lines `script` printed, in order. */
export function linesOf(run: VmRun, script: string): string[] {
  return run.reports.flatMap((r) => (r.kind === 'line' && r.script === script ? [r.line] : []));
}

/** Why the guest did not finish, or null when it did. */
export function unfinished(run: VmRun): string | null {
  const error = run.reports.find((r): r is Extract<Report, { kind: 'error' }> => r.kind === 'error');
  if (error) return `the guest program failed (see ${run.dir}): ${error.message}`;
  return run.reports.some((r) => r.kind === 'done') ? null : `the guest program did not finish (see ${run.dir}/console.log)`;
}
