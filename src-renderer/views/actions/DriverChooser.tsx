// "Bind to…" and "Set driver override…": choose a driver, best matches first
// with why they match, then the rest of the bus's drivers. Choosing makes a
// plan, reviewed like any other before anything changes.
import { useId, useMemo, useState } from 'react';
import type { BinderyApi } from '../../../src-shared/api';
import type { Device, Snapshot } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Modal } from '../../components/Modal';
import { busLabel, deviceTitle } from '../../model/device-labels';
import { driverChoices, initialChoice } from '../../model/driver-choices';
import type { ChooserMode, DriverOption } from '../../model/driver-choices';
import { useCandidates } from '../../state/use-candidates';
import './actions.css';

interface DriverChooserProps {
  readonly api: BinderyApi;
  readonly device: Device;
  readonly snapshot: Snapshot;
  readonly mode: ChooserMode;
  readonly onChoose: (driver: string) => void;
  readonly onCancel: () => void;
}

function Option({ option, name, checked, disabled, onPick }: {
  readonly option: DriverOption;
  readonly name: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly onPick: (driver: string) => void;
}) {
  const id = useId();
  return (
    <label className="driver-option">
      <input
        type="radio"
        name={name}
        value={option.driver}
        checked={checked}
        disabled={disabled}
        aria-labelledby={`${id}-name`}
        aria-describedby={option.reason ? `${id}-why` : undefined}
        onChange={() => onPick(option.driver)}
      />
      <span className="driver-option-text">
        <span className="driver-option-head">
          <span id={`${id}-name`} className="driver-option-name">{option.driver}</span>
          {option.bound && <Badge tone="ok">bound now</Badge>}
          {option.recommended && <Badge tone="accent">recommended</Badge>}
          {option.vfio && <Badge tone="vfio">VFIO</Badge>}
        </span>
        {option.reason && <span id={`${id}-why`} className="driver-option-reason">{option.reason}</span>}
      </span>
    </label>
  );
}

export function DriverChooser({ api, device, snapshot, mode, onChoose, onCancel }: DriverChooserProps) {
  const titleId = useId();
  const group = useId();
  const candidates = useCandidates(api, device.id, snapshot.takenAt);
  const report = candidates.status === 'ready' ? candidates.report : null;
  // Until the match is known, no list: the bound driver would first show among
  // "other drivers" and then jump to the matches.
  const loading = candidates.status === 'loading';
  const choices = useMemo(() => driverChoices(device, report, snapshot.drivers, mode), [device, report, snapshot.drivers, mode]);
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = loading ? null : picked ?? initialChoice(choices, mode);
  const bindMode = mode === 'bind';
  const title = bindMode ? `Bind ${device.name} to a driver` : `Set the driver override of ${device.name}`;
  const option = (o: DriverOption) => (
    <Option key={o.driver} option={o} name={group} checked={chosen === o.driver} disabled={bindMode && o.bound} onPick={setPicked} />
  );

  return (
    <Modal labelledBy={titleId} onDismiss={onCancel} className="modal-small driver-chooser">
      <div className="modal-head">
        <h2 id={titleId} className="modal-title">{title}</h2>
        <p className="modal-subtitle">
          {deviceTitle(device) ?? device.name}, on {device.driver ?? 'no driver'} now.{' '}
          {bindMode
            ? 'Bindery makes a plan; you review it before anything changes.'
            : 'The override makes only this driver take it, now and whenever it is probed again.'}
        </p>
      </div>
      <div className="modal-body">
        {loading && <p className="planning" role="status"><Icon name="spinner" className="spin" />Matching modules.alias…</p>}
        {candidates.status === 'failed' && <ErrorNotice error={candidates.error} />}
        {!loading && choices.matching.length > 0 && (
          <fieldset>
            <legend className="dialog-section-title">Drivers that match it, best first</legend>
            <div className="driver-options">{choices.matching.map(option)}</div>
          </fieldset>
        )}
        {report && choices.matching.length === 0 && <p className="muted">{report.note ?? 'No driver\'s aliases match this device.'}</p>}
        {!loading && choices.others.length > 0 && (
          <fieldset>
            <legend className="dialog-section-title">Other drivers on the {busLabel(device.bus)} bus</legend>
            <p className="dialog-hint faint">
              {bindMode
                ? 'Their aliases do not match it: the kernel binds one only if its ID table lists the device, which the plan checks.'
                : device.bus === 'pci'
                  ? 'Their aliases do not match it; on PCI an override makes the named driver take the device anyway.'
                  : 'Their aliases do not match it.'}
            </p>
            <div className="driver-others">{choices.others.map(option)}</div>
          </fieldset>
        )}
      </div>
      <div className="modal-foot">
        <span className="modal-foot-spacer" />
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button
          type="button"
          className="button button-primary"
          aria-disabled={chosen === null}
          title={chosen === null ? 'Choose a driver first' : undefined}
          onClick={() => chosen !== null && onChoose(chosen)}
        >
          Review plan
        </button>
      </div>
    </Modal>
  );
}
