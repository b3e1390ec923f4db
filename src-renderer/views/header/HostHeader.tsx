// Which host is on screen and how much of it: the first thing to check when
// a device seems missing (wrong tree? stale read?).
import type { Snapshot } from '../../../src-shared/model';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import type { HostsState } from '../../state/use-hosts';
import { HostSelect } from './HostSelect';
import './host-header.css';

interface HostHeaderProps {
  readonly snapshot: Snapshot | null;
  readonly hosts: HostsState;
  readonly refreshing: boolean;
  readonly onRefresh: () => void;
}

function hostKind(snapshot: Snapshot): { readonly label: string; readonly tone: 'accent' | 'neutral' | 'vfio'; readonly title: string } {
  if (snapshot.host.kind === 'sim') return { label: 'Simulation', tone: 'vfio', title: 'A simulated kernel: nothing here touches real hardware' };
  if (snapshot.host.readOnly) return { label: 'Captured tree', tone: 'neutral', title: `A sysfs tree read from ${snapshot.host.root}, not a live machine` };
  return { label: 'This computer', tone: 'accent', title: 'The live machine Bindery runs on' };
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function HostHeader({ snapshot, hosts, refreshing, onRefresh }: HostHeaderProps) {
  const kind = snapshot ? hostKind(snapshot) : null;
  const selecting = hosts.choices.length > 1;
  const select = (current: string) => (
    <HostSelect choices={hosts.choices} value={hosts.switching ?? current} onSelect={hosts.select} />
  );
  return (
    <header className="host-header">
      <div className="brand" aria-hidden="true">
        <svg viewBox="0 0 16 16" className="brand-mark"><path d="M3 2.5h7.5l2.5 2.5v8.5H3zM6 6h4M6 9h4M6 12h2" /></svg>
      </div>
      <h1 className="visually-hidden">Bindery</h1>
      {snapshot && kind ? (
        <div className="host-summary" aria-label="Host">
          {selecting ? select(snapshot.host.id) : <span className="host-label" title={snapshot.host.root}>{snapshot.host.label}</span>}
          <Badge tone={kind.tone} title={kind.title}>{kind.label}</Badge>
          <span className="host-facts">
            <span>{snapshot.host.kernelRelease ? <>Linux <span className="mono">{snapshot.host.kernelRelease}</span></> : 'kernel release unknown'}</span>
            <span aria-hidden="true">·</span>
            <span><strong>{snapshot.devices.length.toLocaleString('en')}</strong> devices</span>
            <span aria-hidden="true">·</span>
            <span>read at <time dateTime={snapshot.takenAt}>{timeOf(snapshot.takenAt)}</time></span>
          </span>
        </div>
      ) : (
        <div className="host-summary">
          {selecting && hosts.switching ? select(hosts.switching) : <span className="host-label">Bindery</span>}
        </div>
      )}
      <button
        type="button"
        className="button"
        onClick={onRefresh}
        disabled={refreshing}
        aria-keyshortcuts="F5 Control+R"
        title="Read the host again (F5, Ctrl+R)"
      >
        <Icon name="refresh" className={refreshing ? 'spin' : undefined} />
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
    </header>
  );
}
