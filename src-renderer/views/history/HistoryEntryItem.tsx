// One applied change: when, what, how it ended, whether a later change undid
// it, and each device's driver before and after; open it for the steps.
import { useId, useState } from 'react';
import type { HistoryEntry } from '../../../src-shared/plan';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { TextWithCode } from '../../components/TextWithCode';
import { outcomeStepStates } from '../../model/apply-progress';
import { driverText } from '../../model/driver-states';
import { deviceName } from '../../model/device-labels';
import { STATUS_LABELS, STATUS_TONES } from '../../model/plan-labels';
import { when } from '../../model/when';
import { DriverChange } from '../changes/DriverChange';
import { StepList } from '../changes/StepList';

export function HistoryEntryItem({ entry }: { readonly entry: HistoryEntry }) {
  const [open, setOpen] = useState(false);
  const stepsId = useId();
  const { plan, outcome } = entry;
  const steps = plan.steps.length;
  return (
    <li className={`history-entry${entry.undoneBy ? ' is-undone' : ''}`}>
      <div className="history-entry-head">
        <button type="button" className="history-toggle" aria-expanded={open} aria-controls={stepsId} onClick={() => setOpen(!open)}>
          <Icon name="chevron" className={open ? 'is-open' : undefined} />
          <span className="history-summary">{plan.summary}</span>
        </button>
        <Badge tone={STATUS_TONES[outcome.status]}>{STATUS_LABELS[outcome.status]}</Badge>
        {entry.undoneBy && <Badge tone="muted" title="A later change put these devices back as they were before this one">undone</Badge>}
      </div>
      <p className="history-meta">
        <time dateTime={outcome.startedAt}>{when(outcome.startedAt, 'medium')}</time>
        <span aria-hidden="true"> · </span>
        {steps === 1 ? '1 step' : `${steps} steps`}
      </p>
      {outcome.devices.length > 0 && (
        <ul className="history-devices" aria-label="Devices">
          {outcome.devices.map((d) => (
            <li key={d.device}>
              <span className="mono">{deviceName(d.device)}</span>
              <DriverChange before={driverText(d.before.driver)} after={driverText(d.after.driver)} />
            </li>
          ))}
        </ul>
      )}
      <div id={stepsId} className="history-steps" hidden={!open}>
        {outcome.error && (
          <p className="history-error">
            <strong>{outcome.error.title}.</strong> <TextWithCode text={outcome.error.detail} />
          </p>
        )}
        <StepList steps={plan.steps} states={outcomeStepStates(outcome, steps)} />
      </div>
    </li>
  );
}
