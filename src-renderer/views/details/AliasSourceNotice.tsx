// When modules.alias is missing or unreadable no driver can be ranked: say so
// plainly, say where Bindery looked, and what fixes it. The engine's message
// usually says all of it; the rest fills in when it does not.
import type { AliasSource } from '../../../src-shared/candidates';
import type { HostInfo } from '../../../src-shared/model';
import { Notice } from '../../components/Notice';
import { TextWithCode } from '../../components/TextWithCode';

function Remedy({ source, host }: { readonly source: AliasSource; readonly host: HostInfo }) {
  const release = source.kernelRelease ?? host.kernelRelease;
  const option = <>Bindery with <code>--modules-alias FILE</code>, naming the <code>modules.alias</code> of the kernel you want drivers matched against.</>;
  return host.readOnly ? (
    <p>A captured tree does not carry the kernel&apos;s modules. Start {option}</p>
  ) : (
    <p>Install the modules of the running kernel{release ? ` (${release})` : ''}, which include modules.alias, or start {option}</p>
  );
}

export function AliasSourceNotice({ source, host }: { readonly source: AliasSource; readonly host: HostInfo }) {
  const title = source.status === 'missing' ? 'No modules.alias, so no candidate drivers' : 'modules.alias could not be read';
  return (
    <Notice tone="warn" title={title}>
      {source.message && <p><TextWithCode text={source.message} /></p>}
      {source.path && !source.message?.includes(source.path) && <p>Looked for <code>{source.path}</code>.</p>}
      {!source.message && <Remedy source={source} host={host} />}
    </Notice>
  );
}
