// A plan's steps in order, numbered, in plain words; while applying and
// afterwards each carries its state (done, running, failed, undone).
import type { Step } from '../../../src-shared/plan';
import { Icon } from '../../components/Icon';
import type { IconName } from '../../components/Icon';
import { STEP_STATE_LABELS } from '../../model/apply-progress';
import type { StepState } from '../../model/apply-progress';

const MARKERS: Readonly<Record<StepState, IconName>> = {
  pending: 'circle',
  running: 'spinner',
  verifying: 'spinner',
  undoing: 'spinner',
  done: 'check',
  failed: 'error',
  undone: 'undo',
  skipped: 'skip',
};

interface StepListProps {
  readonly steps: readonly Step[];
  /** null while reviewing: nothing has run. */
  readonly states: readonly StepState[] | null;
}

export function StepList({ steps, states }: StepListProps) {
  if (steps.length === 0) return <p className="muted">No steps: nothing needs to change.</p>;
  return (
    <ol className="step-list" aria-label="Steps">
      {steps.map((step, i) => {
        const state = states?.[i] ?? null;
        const moving = state === 'running' || state === 'verifying' || state === 'undoing';
        return (
          <li key={step.index} className={`step${state ? ` is-${state}` : ''}`} aria-current={moving ? 'step' : undefined}>
            {state && (
              <span className="step-marker" aria-hidden="true">
                <Icon name={MARKERS[state]} className={moving ? 'spin' : undefined} />
              </span>
            )}
            <span className="step-number">{i + 1}.</span>
            <span className="step-text">{step.description}</span>
            {state && state !== 'pending' && <span className="step-state">{STEP_STATE_LABELS[state]}</span>}
          </li>
        );
      })}
    </ol>
  );
}
