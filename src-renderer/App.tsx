// The window: which engine we talk to, whether it answers, and then the workbench.
import type { Engine } from './api/connect';
import { useConnection } from './state/use-connection';
import { useHosts } from './state/use-hosts';
import { useSnapshot } from './state/use-snapshot';
import { ErrorNotice } from './components/ErrorNotice';
import { HostHeader } from './views/header/HostHeader';
import { ConnectionLost } from './views/status/ConnectionLost';
import { ProblemsBanner } from './views/status/ProblemsBanner';
import { RefreshFailed } from './views/status/RefreshFailed';
import { Loading, NoEngine, StartupFailed } from './views/status/StartupScreen';
import { Workbench } from './views/Workbench';

function Connected({ engine }: { readonly engine: Engine }) {
  const connection = useConnection(engine.api, engine.onLost);
  const { snapshot, error, refreshing, refresh } = useSnapshot(connection.api);
  const hosts = useHosts(connection.api);
  return (
    <div className="app">
      <HostHeader snapshot={snapshot} hosts={hosts} refreshing={refreshing} onRefresh={refresh} />
      {connection.lost && <ConnectionLost error={connection.lost} />}
      {hosts.error && !connection.lost && (
        <div className="banner"><ErrorNotice error={hosts.error} role="alert" /></div>
      )}
      {snapshot && error && !connection.lost && <RefreshFailed error={error} />}
      {snapshot && <ProblemsBanner problems={snapshot.problems} />}
      {snapshot ? (
        <Workbench api={connection.api} snapshot={snapshot} onRefresh={refresh} />
      ) : error ? (
        <StartupFailed error={error} onRetry={refresh} />
      ) : (
        <Loading />
      )}
    </div>
  );
}

export function App({ engine }: { readonly engine: Engine | null }) {
  return engine ? <Connected engine={engine} /> : <NoEngine />;
}
