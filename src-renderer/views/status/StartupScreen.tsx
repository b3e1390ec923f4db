// Full-window states before there is anything to show: no engine to talk to,
// the first read under way, or the first read failed.
import type { BinderyError } from '../../../src-shared/errors';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import './banners.css';

export function NoEngine() {
  return (
    <main className="startup">
      <EmptyState icon="plug" title="Bindery is not connected">
        <p>This page needs the Bindery engine. Open Bindery from the app, or run <code>npm run web</code> and open the address it prints (it carries a one-time token).</p>
      </EmptyState>
    </main>
  );
}

export function Loading() {
  return (
    <main className="startup" aria-busy="true">
      <p className="loading" role="status"><Icon name="refresh" className="spin" /> Reading the host…</p>
    </main>
  );
}

export function StartupFailed({ error, onRetry }: { readonly error: BinderyError; readonly onRetry: () => void }) {
  return (
    <main className="startup">
      <div className="startup-error">
        <ErrorNotice error={error} role="alert" />
        <button type="button" className="button" onClick={onRetry}><Icon name="refresh" />Try again</button>
      </div>
    </main>
  );
}
