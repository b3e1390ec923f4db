// A plan that stopped half-way (Bindery or the machine stopped while
// applying it): said at once, with how far it got, and the two ways out.
// Both read where the devices really are before doing anything.
import type { InterruptedAction, InterruptedPlan } from '../../../src-shared/plan';
import { Notice } from '../../components/Notice';
import { when } from '../../model/when';
import './banners.css';

interface InterruptedBannerProps {
  readonly interrupted: InterruptedPlan;
  readonly readOnly: boolean;
  readonly onResolve: (action: InterruptedAction) => void;
}

export function InterruptedBanner({ interrupted, readOnly, onResolve }: InterruptedBannerProps) {
  const { plan, stepsDone } = interrupted;
  const last = plan.steps[stepsDone - 1];
  const where = last
    ? `stopped after step ${stepsDone} of ${plan.steps.length} (${last.description})`
    : `stopped before the first of its ${plan.steps.length} steps was done`;
  return (
    <Notice tone="warn" className="banner" role="alert" title="A change stopped half-way">
      <p>“{plan.summary}”, started {when(interrupted.startedAt, 'short')}, {where}. Some devices may be between drivers.</p>
      <p className="interrupted-actions">
        <button type="button" className="button button-primary" disabled={readOnly} onClick={() => onResolve('finish')}>Finish it</button>
        <button type="button" className="button" disabled={readOnly} onClick={() => onResolve('undo')}>Undo it</button>
        <span className="muted">Either way Bindery first reads where each device is now, and checks every step.</span>
      </p>
    </Notice>
  );
}
