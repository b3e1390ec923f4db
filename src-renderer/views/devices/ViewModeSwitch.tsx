// Tree (by bus and parent) or flat list (sortable columns).
import { Icon } from '../../components/Icon';

export type ViewMode = 'tree' | 'list';

export function ViewModeSwitch({ mode, onChange }: { readonly mode: ViewMode; readonly onChange: (mode: ViewMode) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Show devices as">
      <button type="button" aria-pressed={mode === 'tree'} onClick={() => onChange('tree')} title="Tree by bus and parent">
        <Icon name="tree" />Tree
      </button>
      <button type="button" aria-pressed={mode === 'list'} onClick={() => onChange('list')} title="Flat list with sortable columns">
        <Icon name="list" />List
      </button>
    </div>
  );
}
