// A plan being applied, as people follow it: which step runs, which are
// done, and, when a step fails, which are being undone. Built from the
// engine's progress events (onDidProgress), then from the outcome.
import type { ApplyProgress, Outcome, Step } from '../../src-shared/plan';

export type StepState =
  | 'pending'
  | 'running'
  | 'verifying'
  | 'done'
  | 'failed'
  | 'undoing'
  | 'undone'
  /** Never ran: the plan stopped before it. */
  | 'skipped';

/** What a screen reader says for each state, beside the step's own words. */
export const STEP_STATE_LABELS: Readonly<Record<StepState, string>> = {
  pending: 'to do',
  running: 'running',
  verifying: 'checking',
  done: 'done',
  failed: 'failed',
  undoing: 'undoing',
  undone: 'undone',
  skipped: 'not run',
};

export interface ProgressTrack {
  readonly latest: ApplyProgress | null;
  /** The furthest step started forwards; -1 before the first. */
  readonly furthest: number;
  /** Set once undoing began: the bar and the steps turn to rollback. */
  readonly rollingBack: boolean;
}

export const NO_PROGRESS: ProgressTrack = { latest: null, furthest: -1, rollingBack: false };

export function trackProgress(track: ProgressTrack, progress: ApplyProgress): ProgressTrack {
  const forwards = progress.phase === 'applying' || progress.phase === 'verifying';
  return {
    latest: progress,
    furthest: forwards ? Math.max(track.furthest, progress.step) : track.furthest,
    rollingBack: track.rollingBack || progress.phase === 'rolling-back',
  };
}

export function stepStates(track: ProgressTrack, total: number): StepState[] {
  const { latest, furthest, rollingBack } = track;
  return Array.from({ length: total }, (_, i): StepState => {
    if (latest === null) return 'pending';
    if (rollingBack) {
      if (i > furthest) return 'skipped';
      if (i === furthest) return 'failed';
      if (latest.phase !== 'rolling-back') return 'undone';
      return i > latest.step ? 'undone' : i === latest.step ? 'undoing' : 'done';
    }
    if (latest.phase === 'finished') return i < latest.step ? 'done' : 'skipped';
    if (i < latest.step) return 'done';
    if (i > latest.step) return 'pending';
    return latest.phase === 'verifying' ? 'verifying' : 'running';
  });
}

/** How the steps ended, from the outcome: what ran, what failed, what was put back. */
export function outcomeStepStates(outcome: Outcome, total: number): StepState[] {
  const { status, stepsDone, failedStep } = outcome;
  return Array.from({ length: total }, (_, i): StepState => {
    switch (status) {
      case 'done':
        return 'done';
      case 'rolled-back':
        // Without a failed step, the person chose to undo an interrupted plan.
        if (failedStep === null) return i < stepsDone ? 'undone' : 'skipped';
        return i < failedStep ? 'undone' : i === failedStep ? 'failed' : 'skipped';
      case 'rollback-failed':
        return failedStep !== null && i === failedStep ? 'failed' : i < (failedStep ?? stepsDone) ? 'done' : 'skipped';
      case 'refused':
      case 'cancelled':
        return 'skipped';
    }
  });
}

/** One line on where the run is, for the live status under the dialog's title. */
export function progressText(progress: ApplyProgress | null, steps: readonly Step[]): string {
  if (progress === null) return 'Starting…';
  const n = progress.total;
  const what = steps[progress.step]?.description;
  const of = `step ${progress.step + 1} of ${n}`;
  switch (progress.phase) {
    case 'applying':
      return `Step ${progress.step + 1} of ${n}: ${what ?? 'running'}`;
    case 'verifying':
      return `Checking ${of} took effect${what ? `: ${what}` : ''}`;
    case 'rolling-back':
      return `Rolling back: undoing ${of}${what ? ` (${what})` : ''}`;
    case 'finished':
      return 'Finished; reading the devices again…';
  }
}

/** Steps completed, for the progress bar: forwards it fills, rolling back it empties. */
export function progressValue(track: ProgressTrack): number {
  const { latest } = track;
  if (latest === null) return 0;
  switch (latest.phase) {
    case 'applying':
      return latest.step;
    case 'verifying':
      return latest.step + 0.5;
    case 'rolling-back':
      return latest.step;
    case 'finished':
      return latest.step;
  }
}
