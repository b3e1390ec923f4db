// One change at a time, from choosing it to its outcome: plan (the engine
// makes it, a spinner shows), review, apply (following the engine's progress
// events), outcome, and from there undo. Finishing or undoing an interrupted
// plan joins at "applying". Errors of any call are kept as data for the dialog.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BinderyApi } from '../../src-shared/api';
import { toBinderyError } from '../../src-shared/errors';
import type { BinderyError } from '../../src-shared/errors';
import type { Goal, InterruptedAction, InterruptedPlan, Outcome, Plan } from '../../src-shared/plan';
import { NO_PROGRESS, trackProgress } from '../model/apply-progress';
import type { ProgressTrack } from '../model/apply-progress';
import { goalTitle } from '../model/goal-titles';

/** What to ask the engine for a plan: a goal, or "undo the last applied change". */
export type PlanRequest = { readonly kind: 'goal'; readonly goal: Goal } | { readonly kind: 'undo-last' };

/** How a run started: a reviewed plan, or an interrupted one being finished or undone. */
export type RunKind = 'apply' | InterruptedAction;

export type ChangeFlow =
  | { readonly stage: 'closed' }
  | { readonly stage: 'planning'; readonly title: string; readonly request: PlanRequest }
  | { readonly stage: 'plan-failed'; readonly title: string; readonly request: PlanRequest; readonly error: BinderyError }
  | { readonly stage: 'review'; readonly plan: Plan; readonly request: PlanRequest }
  | { readonly stage: 'applying'; readonly plan: Plan; readonly run: RunKind; readonly track: ProgressTrack; readonly request: PlanRequest | null }
  | { readonly stage: 'outcome'; readonly plan: Plan; readonly run: RunKind; readonly outcome: Outcome; readonly request: PlanRequest | null }
  | { readonly stage: 'apply-failed'; readonly plan: Plan; readonly run: RunKind; readonly error: BinderyError; readonly request: PlanRequest | null };

export interface ChangeFlowControls {
  readonly flow: ChangeFlow;
  readonly plan: (request: PlanRequest) => void;
  /** Applies the plan under review; `force` overrides refusals that allow it. */
  readonly apply: (force: boolean) => void;
  readonly resolve: (interrupted: InterruptedPlan, action: InterruptedAction) => void;
  readonly close: () => void;
  /** Counts changes that ended (applied, rolled back, resolved): what reads history again keys on it. */
  readonly ended: number;
}

function titleOf(request: PlanRequest): string {
  return request.kind === 'goal' ? goalTitle(request.goal) : 'Undo the last change';
}

export function useChangeFlow(api: BinderyApi): ChangeFlowControls {
  const [flow, setFlow] = useState<ChangeFlow>({ stage: 'closed' });
  const [ended, setEnded] = useState(0);
  // Answers to a dialog that was closed or replaced meanwhile are dropped.
  const generation = useRef(0);

  useEffect(
    () =>
      api.onDidProgress((progress) =>
        setFlow((current) =>
          current.stage === 'applying' && current.plan.id === progress.planId
            ? { ...current, track: trackProgress(current.track, progress) }
            : current,
        ),
      ),
    [api],
  );

  const plan = useCallback(
    (request: PlanRequest) => {
      const mine = ++generation.current;
      setFlow({ stage: 'planning', title: titleOf(request), request });
      const made = request.kind === 'goal' ? api.planGoal(request.goal) : api.planUndo();
      made.then(
        (result) => {
          if (generation.current === mine) setFlow({ stage: 'review', plan: result, request });
        },
        (thrown: unknown) => {
          if (generation.current === mine) setFlow({ stage: 'plan-failed', title: titleOf(request), request, error: toBinderyError(thrown) });
        },
      );
    },
    [api],
  );

  const run = useCallback((target: Plan, kind: RunKind, request: PlanRequest | null, call: () => Promise<Outcome>) => {
    const mine = ++generation.current;
    setFlow({ stage: 'applying', plan: target, run: kind, track: NO_PROGRESS, request });
    call().then(
      (outcome) => {
        if (generation.current === mine) setFlow({ stage: 'outcome', plan: target, run: kind, outcome, request });
        setEnded((n) => n + 1);
      },
      (thrown: unknown) => {
        if (generation.current === mine) setFlow({ stage: 'apply-failed', plan: target, run: kind, error: toBinderyError(thrown), request });
        setEnded((n) => n + 1);
      },
    );
  }, []);

  const apply = useCallback(
    (force: boolean) => {
      if (flow.stage !== 'review') return;
      const { plan: reviewed, request } = flow;
      run(reviewed, 'apply', request, () => api.applyPlan(reviewed.id, { force }));
    },
    [api, flow, run],
  );

  const resolve = useCallback(
    (interrupted: InterruptedPlan, action: InterruptedAction) => run(interrupted.plan, action, null, () => api.resolveInterrupted(action)),
    [api, run],
  );

  // A run cannot be left half-way from here: its dialog stays until the outcome.
  const close = useCallback(() => {
    if (flow.stage === 'applying') return;
    generation.current += 1;
    setFlow({ stage: 'closed' });
  }, [flow.stage]);

  return { flow, plan, apply, resolve, close, ended };
}
