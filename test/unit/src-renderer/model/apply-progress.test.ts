import { describe, expect, it } from 'vitest';
import type { ApplyProgress } from '../../../../src-shared/plan';
import {
  NO_PROGRESS, outcomeStepStates, progressText, progressValue, stepStates, trackProgress,
} from '../../../../src-renderer/model/apply-progress';
import type { ProgressTrack } from '../../../../src-renderer/model/apply-progress';
import { GPU_STEPS, makeOutcome } from './make-plan';

const at = (step: number, phase: ApplyProgress['phase']): ApplyProgress => ({ planId: 'plan-1', step, total: 4, phase });

function track(...events: ApplyProgress[]): ProgressTrack {
  return events.reduce(trackProgress, NO_PROGRESS);
}

describe('following a run', () => {
  it('before the first event every step is to do', () => {
    expect(stepStates(NO_PROGRESS, 4)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(progressText(null, GPU_STEPS)).toBe('Starting…');
  });

  it('forwards: steps before the current one are done; the current one runs, then is checked', () => {
    const running = track(at(0, 'applying'), at(0, 'verifying'), at(1, 'applying'), at(1, 'verifying'), at(2, 'applying'));
    expect(stepStates(running, 4)).toEqual(['done', 'done', 'running', 'pending']);
    expect(progressText(running.latest, GPU_STEPS)).toBe('Step 3 of 4: Probe 0000:05:00.0, so that vfio-pci takes it');
    expect(progressValue(running)).toBe(2);
    const checking = trackProgress(running, at(2, 'verifying'));
    expect(stepStates(checking, 4)).toEqual(['done', 'done', 'verifying', 'pending']);
    expect(progressText(checking.latest, GPU_STEPS)).toBe('Checking step 3 of 4 took effect: Probe 0000:05:00.0, so that vfio-pci takes it');
    expect(progressValue(checking)).toBe(2.5);
  });

  it('rolling back: the failed step stands out, undone steps are marked, the rest never ran', () => {
    const back = track(at(0, 'applying'), at(0, 'verifying'), at(1, 'applying'), at(1, 'verifying'), at(2, 'applying'), at(1, 'rolling-back'));
    expect(back.rollingBack).toBe(true);
    expect(stepStates(back, 4)).toEqual(['done', 'undoing', 'failed', 'skipped']);
    expect(progressText(back.latest, GPU_STEPS)).toBe('Rolling back: undoing step 2 of 4 (Set the driver override of 0000:05:00.0 to vfio-pci)');
    const over = trackProgress(trackProgress(back, at(0, 'rolling-back')), at(2, 'finished'));
    expect(stepStates(over, 4)).toEqual(['undone', 'undone', 'failed', 'skipped']);
  });

  it('finished: reads the devices again', () => {
    const done = track(at(3, 'applying'), at(3, 'verifying'), at(4, 'finished'));
    expect(stepStates(done, 4)).toEqual(['done', 'done', 'done', 'done']);
    expect(progressText(done.latest, GPU_STEPS)).toBe('Finished; reading the devices again…');
  });
});

describe('how the steps ended', () => {
  it('done: all done', () => {
    expect(outcomeStepStates(makeOutcome(), 4)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('rolled back after a failed step: the steps before it undone, those after it never ran', () => {
    expect(outcomeStepStates(makeOutcome({ status: 'rolled-back', stepsDone: 2, failedStep: 2 }), 4)).toEqual(['undone', 'undone', 'failed', 'skipped']);
  });

  it('an interrupted plan undone on request: what had run is undone', () => {
    expect(outcomeStepStates(makeOutcome({ status: 'rolled-back', stepsDone: 3, failedStep: null }), 4)).toEqual(['undone', 'undone', 'undone', 'skipped']);
  });

  it('a failed rollback claims nothing was undone; refused and cancelled ran nothing', () => {
    expect(outcomeStepStates(makeOutcome({ status: 'rollback-failed', stepsDone: 2, failedStep: 2 }), 4)).toEqual(['done', 'done', 'failed', 'skipped']);
    expect(outcomeStepStates(makeOutcome({ status: 'cancelled', stepsDone: 0 }), 2)).toEqual(['skipped', 'skipped']);
    expect(outcomeStepStates(makeOutcome({ status: 'refused', stepsDone: 0 }), 2)).toEqual(['skipped', 'skipped']);
  });
});
