// What happened, in the words the outcome dialog leads with. Calm where
// nothing changed (a cancelled password prompt is not an error), loud where
// the devices are not as they were.
import type { Outcome } from '../../src-shared/plan';

export type OutcomeTone = 'ok' | 'info' | 'warn' | 'danger';

export interface OutcomeHeadline {
  readonly tone: OutcomeTone;
  readonly title: string;
  readonly body: string | null;
}

export function outcomeHeadline(outcome: Outcome): OutcomeHeadline {
  switch (outcome.status) {
    case 'done':
      return { tone: 'ok', title: 'Done: every step applied and verified.', body: null };
    case 'rolled-back':
      if (outcome.failedStep !== null) {
        return {
          tone: 'warn',
          title: `Step ${outcome.failedStep + 1} failed, so Bindery put everything back.`,
          body: 'Every device is as it was before; nothing changed.',
        };
      }
      return outcome.error
        ? { tone: 'warn', title: 'It could not be finished, so Bindery put everything back.', body: 'Every device is as it was before the change.' }
        : { tone: 'ok', title: 'Undone: every device is as it was before the change.', body: null };
    case 'rollback-failed':
      return {
        tone: 'danger',
        title: 'A step failed, and putting things back did not work.',
        body: 'Some devices are not as they were. Look at them below before changing anything else.',
      };
    case 'refused':
      return { tone: 'warn', title: 'Refused: nothing changed.', body: null };
    case 'cancelled':
      return { tone: 'info', title: 'Authentication was cancelled; nothing changed.', body: null };
  }
}
