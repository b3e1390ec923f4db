// The ranked drivers that could take the device (best first), the one
// recommended for the host, and the one to use for a VM.
import type { CandidateReport } from '../../../src-shared/candidates';
import type { HostInfo } from '../../../src-shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import type { CandidatesState } from '../../state/use-candidates';
import { AliasSourceNotice } from './AliasSourceNotice';
import { CandidateItem } from './CandidateItem';

function sourceSummary(report: CandidateReport): string | null {
  const { source } = report;
  if (source.status !== 'ok') return null;
  const release = source.kernelRelease ? ` · ${source.kernelRelease}` : '';
  return `${source.aliasCount.toLocaleString('en')} aliases${release}`;
}

/** Reports name modules; people (and driver_override) use the driver name. */
function driverOf(report: CandidateReport, module: string): string {
  return report.candidates.find((c) => c.module === module)?.driver ?? module;
}

function Report({ report, host }: { readonly report: CandidateReport; readonly host: HostInfo }) {
  if (report.source.status !== 'ok') return <AliasSourceNotice source={report.source} host={host} />;
  if (report.candidates.length === 0) {
    return (
      <Notice tone="info" title="No candidate drivers">
        {report.note && <p>{report.note}</p>}
        {report.modalias && (
          <p>No module in <code>{report.source.path ?? 'modules.alias'}</code> matches <code>{report.modalias}</code>.</p>
        )}
      </Notice>
    );
  }
  return (
    <>
      {report.note && <p className="muted candidates-note">{report.note}</p>}
      <dl className="choices">
        <div className="choice">
          <dt>For this host</dt>
          <dd>{report.recommended ? <code>{driverOf(report, report.recommended)}</code> : <span className="muted">no host driver matches</span>}</dd>
        </div>
        <div className="choice">
          <dt>For a VM</dt>
          <dd>{report.vfio ? <code>{driverOf(report, report.vfio)}</code> : <span className="muted">VFIO does not apply</span>}</dd>
        </div>
      </dl>
      <ol className="candidates" aria-label="Candidate drivers">
        {report.candidates.map((candidate, index) => (
          <CandidateItem
            key={`${candidate.module}-${candidate.alias}`}
            candidate={candidate}
            rank={index + 1}
            recommended={candidate.module === report.recommended}
            vfioChoice={candidate.module === report.vfio}
          />
        ))}
      </ol>
      {report.source.path && <p className="candidates-source faint">Matched against <code>{report.source.path}</code></p>}
    </>
  );
}

export function CandidatesSection({ state, host }: { readonly state: CandidatesState; readonly host: HostInfo }) {
  const report = state.status === 'ready' ? state.report : null;
  return (
    <Section title="Candidate drivers" aside={report ? sourceSummary(report) : null}>
      {state.status === 'loading' && <p className="muted" role="status">Matching modules.alias…</p>}
      {state.status === 'failed' && <ErrorNotice error={state.error} />}
      {report && <Report report={report} host={host} />}
    </Section>
  );
}
