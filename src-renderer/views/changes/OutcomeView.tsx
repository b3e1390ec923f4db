// How a change ended, led by what a person needs to know first: done, put
// back after a failure (with the engine's reason and remedy), not put back
// (loud), refused, or cancelled (calm: nothing changed). Then each device's
// driver before and after, and the steps as they ended.
import type { Outcome, Plan } from '../../../src-shared/plan';
import { Notice } from '../../components/Notice';
import { TextWithCode } from '../../components/TextWithCode';
import { outcomeStepStates } from '../../model/apply-progress';
import { outcomeRows } from '../../model/change-rows';
import { outcomeHeadline } from '../../model/outcome-text';
import { DeviceChanges } from './DeviceChanges';
import { StepList } from './StepList';

interface OutcomeViewProps {
  readonly plan: Plan;
  readonly outcome: Outcome;
}

export function OutcomeView({ plan, outcome }: OutcomeViewProps) {
  const headline = outcomeHeadline(outcome);
  const quiet = headline.tone === 'ok' || headline.tone === 'info';
  const ran = outcome.status !== 'refused' && outcome.status !== 'cancelled';
  const { error } = outcome;
  return (
    <div className="modal-body">
      <Notice tone={headline.tone} title={headline.title} role={quiet ? 'status' : 'alert'} className={`outcome outcome-${outcome.status}`}>
        {headline.body && <p>{headline.body}</p>}
        {error && (
          <>
            <p><strong>{error.title}.</strong> <TextWithCode text={error.detail} /></p>
            {error.remedy && <p><strong>What to do:</strong> <TextWithCode text={error.remedy} /></p>}
          </>
        )}
      </Notice>
      {ran && outcome.devices.length > 0 && (
        <DeviceChanges
          rows={outcomeRows(plan, outcome)}
          caption={outcome.status === 'done' ? 'Devices now' : 'Devices: where each one is now'}
          afterWord="now"
        />
      )}
      {ran && plan.steps.length > 0 && (
        <details className="outcome-steps" open={outcome.status !== 'done'}>
          <summary>Steps ({plan.steps.length})</summary>
          <StepList steps={plan.steps} states={outcomeStepStates(outcome, plan.steps.length)} />
        </details>
      )}
    </div>
  );
}
