// The one dialog a change goes through: the plan being made, the review, the
// run, the outcome. It stays open from the action to the outcome (focus goes
// back where it was only at the end) and cannot be dismissed while applying.
import { useEffect, useId, useRef } from 'react';
import type { HostInfo } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Modal } from '../../components/Modal';
import type { ChangeFlow, ChangeFlowControls, PlanRequest } from '../../state/use-change-flow';
import { ApplyProgressView } from './ApplyProgressView';
import { DialogHead } from './DialogHead';
import { OutcomeView } from './OutcomeView';
import { PlanReview } from './PlanReview';
import './change-dialog.css';

interface ChangeDialogProps {
  readonly controls: ChangeFlowControls;
  readonly host: HostInfo;
}

const RUN_WORDS = { apply: 'Applying', finish: 'Finishing an interrupted change', undo: 'Undoing an interrupted change' } as const;

function Subtitle({ flow, host }: { readonly flow: Exclude<ChangeFlow, { stage: 'closed' }>; readonly host: HostInfo }) {
  const where = host.kind === 'sim' ? <Badge tone="vfio" title="A simulated kernel: nothing here touches real hardware">Simulation</Badge> : null;
  switch (flow.stage) {
    case 'planning':
      return <>Making a plan on {host.label}… {where}</>;
    case 'plan-failed':
      return <>No plan could be made. {where}</>;
    case 'review':
      return <>Review: nothing changes until you apply. {where}</>;
    case 'applying':
      return <>{RUN_WORDS[flow.run]} on {host.label}… {where}</>;
    case 'outcome':
    case 'apply-failed':
      return <>{flow.run === 'apply' ? 'How it went' : RUN_WORDS[flow.run]} on {host.label}. {where}</>;
  }
}

export function ChangeDialog({ controls, host }: ChangeDialogProps) {
  const { flow, apply, close, plan } = controls;
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);

  // A new stage replaces what had focus (Apply disappears while applying): the title takes it.
  useEffect(() => {
    titleRef.current?.focus();
  }, [flow.stage]);

  if (flow.stage === 'closed') return null;
  const title = flow.stage === 'planning' || flow.stage === 'plan-failed' ? flow.title : flow.plan.summary;
  const replan = (request: PlanRequest | null) =>
    request && (
      <button type="button" className="button" onClick={() => plan(request)}>Make a new plan</button>
    );
  const closeButton = <button type="button" className="button button-primary" onClick={close}>Close</button>;

  return (
    <Modal
      labelledBy={titleId}
      onDismiss={flow.stage === 'applying' ? null : close}
      initialFocus={titleRef}
      busy={flow.stage === 'planning' || flow.stage === 'applying'}
      className="change-dialog"
    >
      <DialogHead titleId={titleId} titleRef={titleRef} title={title} subtitle={<Subtitle flow={flow} host={host} />} />
      {flow.stage === 'planning' && (
        <>
          <div className="modal-body">
            <p className="planning" role="status"><Icon name="spinner" className="spin" />Reading the host and checking what this would touch…</p>
          </div>
          <div className="modal-foot"><span className="modal-foot-spacer" /><button type="button" className="button" onClick={close}>Cancel</button></div>
        </>
      )}
      {flow.stage === 'plan-failed' && (
        <>
          <div className="modal-body"><ErrorNotice error={flow.error} role="alert" /></div>
          <div className="modal-foot"><span className="modal-foot-spacer" />{closeButton}</div>
        </>
      )}
      {flow.stage === 'review' && <PlanReview key={flow.plan.id} plan={flow.plan} host={host} onApply={apply} onCancel={close} />}
      {flow.stage === 'applying' && <ApplyProgressView plan={flow.plan} track={flow.track} />}
      {flow.stage === 'outcome' && (
        <>
          <OutcomeView plan={flow.plan} outcome={flow.outcome} />
          <div className="modal-foot">
            <span className="modal-foot-spacer" />
            {(flow.outcome.status === 'refused' || flow.outcome.status === 'cancelled') && replan(flow.request)}
            {flow.outcome.status === 'done' && flow.plan.steps.length > 0 && (
              <button type="button" className="button" onClick={() => plan({ kind: 'goal', goal: { kind: 'undo', planId: flow.plan.id } })}>
                <Icon name="undo" />Undo
              </button>
            )}
            {closeButton}
          </div>
        </>
      )}
      {flow.stage === 'apply-failed' && (
        <>
          <div className="modal-body"><ErrorNotice error={flow.error} role="alert" /></div>
          <div className="modal-foot"><span className="modal-foot-spacer" />{replan(flow.request)}{closeButton}</div>
        </>
      )}
    </Modal>
  );
}
