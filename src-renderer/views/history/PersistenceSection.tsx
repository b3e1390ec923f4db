// "Kept across reboots": the PCI devices Bindery restores to a driver at
// boot (and whether each is here now), and driverctl's overrides, which
// Bindery can take over.
import type { Device, DeviceId } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { DeviceLink } from '../../components/DeviceLink';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import type { PersistenceControls } from '../../state/use-persistence';
import { ActionButton } from '../actions/ActionButton';

interface PersistenceSectionProps {
  readonly persistence: PersistenceControls;
  readonly byId: ReadonlyMap<DeviceId, Device>;
  readonly onSelect: (id: DeviceId) => void;
}

export function PersistenceSection({ persistence, byId, onSelect }: PersistenceSectionProps) {
  const { state, busy, error, setKeep, importDriverctl } = persistence;
  if (state === null) {
    return (
      <Section title="Kept across reboots">
        {error ? <ErrorNotice error={error} /> : <p className="muted" role="status">Reading…</p>}
      </Section>
    );
  }
  const kept = state.devices;
  return (
    <Section title="Kept across reboots" aside={state.supported && kept.length > 0 ? String(kept.length) : null}>
      {error && <ErrorNotice error={error} role="alert" />}
      {state.problem && <Notice tone="warn" title="The list of kept devices could not be read"><p>{state.problem}</p></Notice>}
      {!state.supported ? (
        <p className="muted">This host cannot keep anything across reboots: it is a captured tree, not a machine that boots.</p>
      ) : kept.length === 0 ? (
        <p className="muted">No device is kept. Switch on “Keep after reboot” on a PCI device to have its driver restored at every boot, before host drivers take it.</p>
      ) : (
        <ul className="kept-list" aria-label="Kept devices">
          {kept.map((entry) => (
            <li key={entry.device} className="kept-item">
              <DeviceLink id={entry.device} device={byId.get(entry.device) ?? null} onSelect={onSelect} />
              <span className="kept-facts">
                <span className="kept-driver">at boot: <code>{entry.driver}</code></span>
                {entry.present
                  ? <Badge tone="ok" title="Here now, with the IDs it had when it was kept">present</Badge>
                  : <Badge tone="warn" title="Not here now, or its IDs changed: boot leaves it alone">not present</Badge>}
                <button type="button" className="link-button kept-forget" disabled={busy !== null} onClick={() => setKeep(entry.device, false)}>
                  Stop keeping
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {state.supported && (
        <div className="driverctl">
          <h4 className="driverctl-title">driverctl overrides</h4>
          {state.driverctl.length === 0 ? (
            <p className="muted">driverctl keeps no override on this host.</p>
          ) : (
            <ul className="kept-list" aria-label="driverctl overrides">
              {state.driverctl.map((entry) => (
                <li key={entry.device} className="kept-item">
                  <DeviceLink id={entry.device} device={byId.get(entry.device) ?? null} onSelect={onSelect} />
                  <span className="kept-facts"><span className="kept-driver">override: <code>{entry.driver}</code></span></span>
                </li>
              ))}
            </ul>
          )}
          <ActionButton
            unavailable={state.driverctl.length === 0 ? 'driverctl keeps no override here.' : busy !== null ? 'Saving…' : null}
            onClick={importDriverctl}
          >
            Import from driverctl
          </ActionButton>
        </div>
      )}
    </Section>
  );
}
