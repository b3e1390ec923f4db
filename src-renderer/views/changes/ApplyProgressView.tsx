// A plan being applied: the step running now in words, a bar, and every
// step's state. When a step fails the view turns to rollback, in another
// colour, while Bindery undoes what it did. Nothing here can stop the run:
// leaving devices between drivers is worse than waiting a moment.
import type { Plan } from '../../../src-shared/plan';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { progressText, progressValue, stepStates } from '../../model/apply-progress';
import type { ProgressTrack } from '../../model/apply-progress';
import { StepList } from './StepList';

export function ApplyProgressView({ plan, track }: { readonly plan: Plan; readonly track: ProgressTrack }) {
  const total = plan.steps.length;
  const text = progressText(track.latest, plan.steps);
  const value = Math.min(total, progressValue(track));
  return (
    <>
      <div className="modal-body">
        <div className={`apply-status${track.rollingBack ? ' is-rolling-back' : ''}`}>
          <p className="apply-status-line" role="status">
            <Icon name="spinner" className="spin" />
            <span>{text}</span>
          </p>
          <div
            className="apply-bar"
            role="progressbar"
            aria-label={track.rollingBack ? 'Rolling back' : 'Applying'}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={value}
            aria-valuetext={text}
          >
            <div className="apply-bar-fill" style={{ width: total > 0 ? `${(value / total) * 100}%` : '100%' }} />
          </div>
        </div>
        {track.rollingBack && (
          <Notice tone="warn" title="A step failed: rolling back">
            <p>Bindery is undoing the steps done so far, newest first, and then checks that every device is back as it was.</p>
          </Notice>
        )}
        <StepList steps={plan.steps} states={stepStates(track, total)} />
      </div>
      <div className="modal-foot">
        <p className="modal-foot-note">Stopping half-way would leave devices between drivers, so this cannot be cancelled; it takes a moment.</p>
      </div>
    </>
  );
}
