// One value before and after a change: `amdgpu → vfio-pci`, or the value
// alone when it stays. Read aloud as "amdgpu to vfio-pci" or "amdgpu, unchanged".
import { Icon } from '../../components/Icon';

interface DriverChangeProps {
  readonly before: string;
  readonly after: string;
  /** The after-value is not what was wanted (a rollback that did not restore it). */
  readonly wrong?: boolean;
}

export function DriverChange({ before, after, wrong = false }: DriverChangeProps) {
  if (before === after) {
    return (
      <span className="change change-same">
        <code>{before}</code>
        <span className="visually-hidden">, unchanged</span>
      </span>
    );
  }
  return (
    <span className={`change${wrong ? ' is-wrong' : ''}`}>
      <code className="change-before">{before}</code>
      <Icon name="arrow" className="change-arrow" />
      <span className="visually-hidden"> to </span>
      <code className="change-after">{after}</code>
    </span>
  );
}
