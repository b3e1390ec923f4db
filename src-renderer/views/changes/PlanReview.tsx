// Reviewing a plan before anything changes: what the checks found, every
// device before and after, every step. Apply is offered only as far as the
// findings allow: a refusal that may be overridden needs an explicit "I
// understand" first; one that may not leaves Apply disabled, saying why.
import { useId, useState } from 'react';
import type { HostInfo } from '../../../src-shared/model';
import type { Plan } from '../../../src-shared/plan';
import { Icon } from '../../components/Icon';
import { planRows } from '../../model/change-rows';
import { applyGate } from '../../model/plan-findings';
import { DeviceChanges } from './DeviceChanges';
import { FindingList } from './FindingList';
import { StepList } from './StepList';

interface PlanReviewProps {
  readonly plan: Plan;
  readonly host: HostInfo;
  readonly onApply: (force: boolean) => void;
  readonly onCancel: () => void;
}

function ApplyBar({ plan, onApply, onCancel }: Omit<PlanReviewProps, 'host'>) {
  const [understood, setUnderstood] = useState(false);
  const reasonId = useId();
  const gate = applyGate(plan);
  const cancel = <button type="button" className="button" onClick={onCancel}>{gate.kind === 'nothing' ? 'Close' : 'Cancel'}</button>;
  if (gate.kind === 'force') {
    return (
      <div className="modal-foot">
        <label className="acknowledge">
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
          <span id={reasonId}>
            I understand “{gate.refusals.map((f) => f.title.replace(/\.$/, '')).join('”, “')}”, and want to apply it anyway.
          </span>
        </label>
        {cancel}
        <button
          type="button"
          className="button button-danger"
          aria-disabled={!understood}
          aria-describedby={understood ? undefined : reasonId}
          onClick={() => understood && onApply(true)}
        >
          Apply anyway
        </button>
      </div>
    );
  }
  const blocked = gate.kind === 'blocked' || gate.kind === 'nothing' ? gate.reason : null;
  return (
    <div className="modal-foot">
      {blocked ? (
        <p id={reasonId} className={`modal-foot-note${gate.kind === 'blocked' ? ' is-blocked' : ''}`}>
          {gate.kind === 'blocked' && <Icon name="error" />}
          {blocked}
        </p>
      ) : (
        <span className="modal-foot-spacer" />
      )}
      {cancel}
      <button
        type="button"
        className="button button-primary"
        aria-disabled={blocked !== null}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={() => blocked === null && onApply(false)}
      >
        Apply
      </button>
    </div>
  );
}

export function PlanReview({ plan, host, onApply, onCancel }: PlanReviewProps) {
  const moving = plan.devices.filter((d) => d.role !== 'stays').length;
  return (
    <>
      <div className="modal-body">
        <FindingList findings={plan.findings} />
        <DeviceChanges
          rows={planRows(plan)}
          caption={`Devices: ${plan.devices.length}${moving !== plan.devices.length ? `, ${moving} of them change` : ''}`}
        />
        <section aria-label="What Bindery will do">
          <h3 className="dialog-section-title">Steps{plan.steps.length > 0 ? `: ${plan.steps.length}, in this order` : ''}</h3>
          <StepList steps={plan.steps} states={null} />
          {plan.steps.length > 0 && (
            <p className="dialog-hint faint">
              Each step is checked on {host.kind === 'sim' ? 'the simulated host' : 'the host'} after it runs; if one fails, the steps before it are undone in reverse.
            </p>
          )}
        </section>
      </div>
      <ApplyBar plan={plan} onApply={onApply} onCancel={onCancel} />
    </>
  );
}
