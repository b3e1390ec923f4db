// One ranked candidate driver: what it is, how well its alias fits, and why.
import type { Candidate } from '../../../src-shared/candidates';
import { Badge } from '../../components/Badge';
import type { BadgeTone } from '../../components/Badge';
import { KIND_DESCRIPTIONS, KIND_LABELS } from '../../model/candidate-labels';

interface CandidateItemProps {
  readonly candidate: Candidate;
  readonly rank: number;
  readonly recommended: boolean;
  readonly vfioChoice: boolean;
}

const KIND_TONES: Readonly<Record<Candidate['kind'], BadgeTone>> = {
  driver: 'neutral',
  'vfio-variant': 'vfio',
  'vfio-generic': 'vfio',
};

export function CandidateItem({ candidate, rank, recommended, vfioChoice }: CandidateItemProps) {
  const pinned = candidate.pinned.length > 0 ? `pins ${candidate.pinned.join(', ')}` : 'pins no field';
  return (
    <li className={`candidate${candidate.bound ? ' is-bound' : ''}`}>
      <div className="candidate-head">
        <span className="candidate-rank" aria-label={`Rank ${rank}`}>{rank}</span>
        <span className="candidate-name">{candidate.driver}</span>
        {candidate.module !== candidate.driver && <span className="candidate-module mono" title="The module that provides the driver">{candidate.module}</span>}
        <Badge tone={KIND_TONES[candidate.kind]} title={KIND_DESCRIPTIONS[candidate.kind]}>{KIND_LABELS[candidate.kind]}</Badge>
        {candidate.bound && <Badge tone="ok" title="The device is bound to this driver now">bound</Badge>}
        {recommended && <Badge tone="accent" title="The driver Bindery recommends for use on this host">recommended</Badge>}
        {vfioChoice && <Badge tone="vfio" title="The driver Bindery would use to hand this device to a VM">VFIO choice</Badge>}
        <span className="candidate-score" title={`Score: fields the alias pins exactly (${pinned})`}>score {candidate.score}</span>
      </div>
      <p className="candidate-reason">{candidate.reason}</p>
      <div className="candidate-meta">
        <code className="candidate-alias" title="The modules.alias pattern that matched">{candidate.alias}</code>
        <span className="candidate-load">
          {candidate.builtin ? 'built in' : candidate.loaded ? 'loaded' : 'not loaded'}
        </span>
      </div>
    </li>
  );
}
