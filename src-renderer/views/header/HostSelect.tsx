// Which host to show: this computer (or the captured tree Bindery was started
// on) and the simulations. A native select: every platform's keyboard and
// screen-reader behaviour for free.
import type { HostChoice } from '../../../src-shared/model';

interface HostSelectProps {
  readonly choices: readonly HostChoice[];
  readonly value: string;
  readonly onSelect: (hostId: string) => void;
}

export function HostSelect({ choices, value, onSelect }: HostSelectProps) {
  const real = choices.filter((choice) => choice.kind !== 'sim');
  const simulated = choices.filter((choice) => choice.kind === 'sim');
  const current = choices.find((choice) => choice.id === value);
  const option = (choice: HostChoice) => (
    <option key={choice.id} value={choice.id} title={choice.description}>{choice.label}</option>
  );
  return (
    <select
      className="host-select"
      aria-label="Host"
      title={current?.description ?? 'Which host Bindery shows'}
      value={value}
      onChange={(event) => onSelect(event.target.value)}
    >
      {real.map(option)}
      {simulated.length > 0 && <optgroup label="Simulations (demo, safe to change)">{simulated.map(option)}</optgroup>}
    </select>
  );
}
