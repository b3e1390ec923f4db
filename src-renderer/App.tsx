import { useEffect, useState } from 'react';
import type { BinderyApi } from '../src-shared/api';
import type { Snapshot } from '../src-shared/model';

export function App({ api }: { readonly api: BinderyApi | null }) {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  useEffect(() => {
    if (!api) return;
    void api.getSnapshot().then(setSnapshot);
    return api.onDidChangeSnapshot(setSnapshot);
  }, [api]);
  if (!api) return <p role="alert">Open Bindery from the app or from the address `npm run web` prints.</p>;
  return <main><h1>Bindery</h1><p>{snapshot ? `${snapshot.devices.length} devices` : 'Reading…'}</p></main>;
}
