// A BinderyError as people read it: what happened, the details, what to do.
import type { BinderyError } from '../../src-shared/errors';
import { Notice } from './Notice';
import { TextWithCode } from './TextWithCode';

export function ErrorNotice({ error, role }: { readonly error: BinderyError; readonly role?: 'alert' }) {
  return (
    <Notice tone="danger" title={error.title} role={role}>
      <p><TextWithCode text={error.detail} /></p>
      {error.remedy && <p><TextWithCode text={error.remedy} /></p>}
    </Notice>
  );
}
