// What the safety checks found, refusals first and unmissable, each with
// what exactly is wrong and what to do about it.
import type { Finding } from '../../../src-shared/plan';
import { Badge } from '../../components/Badge';
import { Notice } from '../../components/Notice';
import type { NoticeTone } from '../../components/Notice';
import { TextWithCode } from '../../components/TextWithCode';
import { groupFindings } from '../../model/plan-findings';

function FindingNotice({ finding, tone }: { readonly finding: Finding; readonly tone: NoticeTone }) {
  const title = (
    <span className="finding-title">
      {finding.title}
      {finding.severity === 'refuse' && (
        finding.forceable
          ? <Badge tone="warn" title="You may apply it anyway, after saying you understand">can be overridden</Badge>
          : <Badge tone="danger" title="No option applies this plan">cannot be overridden</Badge>
      )}
    </span>
  );
  return (
    <li>
      <Notice tone={tone} title={title}>
        <p><TextWithCode text={finding.detail} /></p>
        {finding.remedy && <p><strong>What to do:</strong> <TextWithCode text={finding.remedy} /></p>}
        {finding.severity === 'refuse' && finding.forceable && (
          <p className="finding-force">To go ahead anyway, tick “I understand” below, then Apply anyway.</p>
        )}
      </Notice>
    </li>
  );
}

function Group({ title, findings, tone }: { readonly title: string; readonly findings: readonly Finding[]; readonly tone: NoticeTone }) {
  if (findings.length === 0) return null;
  return (
    <section className="finding-group" aria-label={title}>
      <h3 className="dialog-section-title">{title}</h3>
      <ul className="finding-list">
        {findings.map((finding) => <FindingNotice key={`${finding.code}-${finding.devices.join(',')}`} finding={finding} tone={tone} />)}
      </ul>
    </section>
  );
}

export function FindingList({ findings }: { readonly findings: readonly Finding[] }) {
  const { refusals, warnings, notes } = groupFindings(findings);
  const firm = refusals.some((f) => !f.forceable);
  return (
    <>
      <Group title={firm ? 'Refused: Bindery will not apply this plan' : 'Refused unless you override it'} findings={refusals} tone="danger" />
      <Group title={warnings.length === 1 ? 'Warning' : 'Warnings'} findings={warnings} tone="warn" />
      <Group title={notes.length === 1 ? 'Note' : 'Notes'} findings={notes} tone="info" />
    </>
  );
}
