// The devices of a plan or an outcome, each with its driver and override
// before and after: the first thing to check before applying anything.
import { Badge } from '../../components/Badge';
import type { DeviceChangeRow } from '../../model/change-rows';
import { driverText, overrideText, sameState } from '../../model/driver-states';
import { deviceName } from '../../model/device-labels';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_TONES } from '../../model/plan-labels';
import { DriverChange } from './DriverChange';

interface DeviceChangesProps {
  readonly rows: readonly DeviceChangeRow[];
  readonly caption: string;
  /** Column titles for the two states, e.g. "before → after" or "before → now". */
  readonly afterWord?: string;
}

export function DeviceChanges({ rows, caption, afterWord = 'after' }: DeviceChangesProps) {
  const withRoles = rows.some((row) => row.role !== null);
  return (
    <table className="device-changes">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Device</th>
          {withRoles && <th scope="col">Role</th>}
          <th scope="col">Driver <span className="faint">(before → {afterWord})</span></th>
          <th scope="col">Override</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const wrong = row.expected !== null && !sameState(row.after, row.expected);
          const staying = row.role === 'stays' || sameState(row.before, row.after);
          return (
            <tr key={row.device} className={`${staying ? 'is-staying' : ''}${wrong ? ' is-wrong' : ''}`}>
              <th scope="row">
                <span className="device-changes-name mono">{deviceName(row.device)}</span>
                {row.label && <span className="device-changes-label">{row.label}</span>}
                {row.reason && <span className="device-changes-reason">{row.reason}</span>}
                {wrong && row.expected && (
                  <span className="device-changes-wrong">Not back: it should be on {driverText(row.expected.driver)}.</span>
                )}
              </th>
              {withRoles && (
                <td>{row.role && <Badge tone={ROLE_TONES[row.role]} title={ROLE_DESCRIPTIONS[row.role]}>{ROLE_LABELS[row.role]}</Badge>}</td>
              )}
              <td><DriverChange before={driverText(row.before.driver)} after={driverText(row.after.driver)} wrong={wrong} /></td>
              <td><DriverChange before={overrideText(row.before.override)} after={overrideText(row.after.override)} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
