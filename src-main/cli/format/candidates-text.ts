// Candidate reports for terminal output and for scripts.
import type { CandidateReport } from '../../../src-shared/candidates';
import { table } from './table';

export interface CandidatesJson {
  readonly modalias: string | null;
  readonly candidates: readonly {
    readonly module: string;
    readonly driver: string;
    readonly alias: string;
    readonly kind: string;
    readonly score: number;
    readonly reason: string;
  }[];
  readonly vfio: string | null;
}

export function candidatesJson(report: CandidateReport): CandidatesJson {
  return {
    modalias: report.modalias,
    candidates: report.candidates.map((c) => ({
      module: c.module,
      driver: c.driver,
      alias: c.alias,
      kind: c.kind,
      score: c.score,
      reason: c.reason,
    })),
    vfio: report.vfio,
  };
}

export function candidatesText(report: CandidateReport): string {
  const lines: string[] = [];
  if (report.source.status !== 'ok') {
    lines.push(`No driver candidates: ${report.source.message ?? 'modules.alias could not be read.'}`);
    return lines.join('\n');
  }
  if (report.note) lines.push(report.note);
  if (report.candidates.length === 0) {
    if (report.modalias) lines.push(`No module in ${report.source.path ?? 'modules.alias'} matches ${report.modalias}.`);
    return lines.join('\n');
  }
  lines.push(
    table(
      ['#', 'MODULE', 'DRIVER', 'KIND', 'SCORE', 'WHY'],
      report.candidates.map((c, i) => [
        String(i + 1),
        c.module + (c.bound ? ' (bound)' : ''),
        c.driver,
        c.kind,
        String(c.score),
        c.reason,
      ]),
    ),
  );
  if (report.recommended) lines.push(`Recommended host driver: ${report.recommended}`);
  if (report.vfio) lines.push(`For VFIO: ${report.vfio}`);
  return lines.join('\n');
}
