// The History tab: applied changes, newest first, with "Undo last change";
// then the devices kept across reboots.
import { nextToUndo } from '../../../src-shared/history-rules';
import type { Device, DeviceId, HostInfo } from '../../../src-shared/model';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Section } from '../../components/Section';
import type { HistoryState } from '../../state/use-history';
import type { PersistenceControls } from '../../state/use-persistence';
import { ActionButton } from '../actions/ActionButton';
import { HistoryEntryItem } from './HistoryEntryItem';
import { PersistenceSection } from './PersistenceSection';
import './history.css';

interface HistoryViewProps {
  readonly host: HostInfo;
  readonly history: HistoryState;
  readonly persistence: PersistenceControls;
  readonly byId: ReadonlyMap<DeviceId, Device>;
  readonly onSelect: (id: DeviceId) => void;
  readonly onUndoLast: () => void;
}

export function HistoryView({ host, history, persistence, byId, onSelect, onUndoLast }: HistoryViewProps) {
  const entries = history.status === 'ready' ? history.entries : [];
  // The change "undo" takes back, by the engine's own rule.
  const last = nextToUndo(entries);
  const cannotUndo = host.readOnly ? 'A captured tree cannot be changed.' : last ? null : 'No applied change is left to undo.';
  return (
    <div className="history-view">
      <Section
        title="Applied changes"
        aside={
          <ActionButton unavailable={cannotUndo} onClick={onUndoLast}>
            <Icon name="undo" />Undo last change
          </ActionButton>
        }
      >
        {last && <p className="history-next faint">Next to undo: {last.plan.summary}</p>}
        {history.status === 'loading' && <p className="muted" role="status">Reading the history…</p>}
        {history.status === 'failed' && <ErrorNotice error={history.error} />}
        {history.status === 'ready' && entries.length === 0 && (
          <EmptyState icon="history" title="No changes yet">
            <p>Changes you apply on {host.label} are listed here, newest first, with each device&apos;s driver before and after.</p>
          </EmptyState>
        )}
        {entries.length > 0 && (
          <ol className="history-list" aria-label="Applied changes">
            {entries.map((entry) => <HistoryEntryItem key={entry.plan.id} entry={entry} />)}
          </ol>
        )}
      </Section>
      <PersistenceSection persistence={persistence} byId={byId} onSelect={onSelect} />
    </div>
  );
}
