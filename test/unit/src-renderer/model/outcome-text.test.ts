import { describe, expect, it } from 'vitest';
import { bindery } from '../../../../src-shared/errors';
import { outcomeHeadline } from '../../../../src-renderer/model/outcome-text';
import { makeOutcome } from './make-plan';

const failure = bindery('STEP_FAILED', 'The change failed and was undone', 'Step 3 failed: EBUSY.');

describe('outcomeHeadline', () => {
  it('done, calmly', () => {
    expect(outcomeHeadline(makeOutcome())).toEqual({ tone: 'ok', title: 'Done: every step applied and verified.', body: null });
  });

  it('a failed step: which one, and that everything is back', () => {
    const headline = outcomeHeadline(makeOutcome({ status: 'rolled-back', failedStep: 2, stepsDone: 2, error: failure }));
    expect(headline).toEqual({ tone: 'warn', title: 'Step 3 failed, so Bindery put everything back.', body: 'Every device is as it was before; nothing changed.' });
  });

  it('an interrupted plan undone on request is a success; one that could not be finished is not', () => {
    expect(outcomeHeadline(makeOutcome({ status: 'rolled-back', failedStep: null })).tone).toBe('ok');
    expect(outcomeHeadline(makeOutcome({ status: 'rolled-back', failedStep: null, error: failure })).title)
      .toBe('It could not be finished, so Bindery put everything back.');
  });

  it('a failed rollback is loud', () => {
    const headline = outcomeHeadline(makeOutcome({ status: 'rollback-failed', failedStep: 2 }));
    expect(headline.tone).toBe('danger');
    expect(headline.body).toContain('before changing anything else');
  });

  it('refused and cancelled change nothing; cancelled is no error', () => {
    expect(outcomeHeadline(makeOutcome({ status: 'refused' })).title).toBe('Refused: nothing changed.');
    expect(outcomeHeadline(makeOutcome({ status: 'cancelled' }))).toEqual({ tone: 'info', title: 'Authentication was cancelled; nothing changed.', body: null });
  });
});
