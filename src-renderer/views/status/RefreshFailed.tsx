// A refresh failed but an earlier snapshot is still on screen.
import type { BinderyError } from '../../../src-shared/errors';
import { Notice } from '../../components/Notice';
import { TextWithCode } from '../../components/TextWithCode';
import './banners.css';

export function RefreshFailed({ error }: { readonly error: BinderyError }) {
  return (
    <Notice tone="danger" className="banner" role="alert" title={`Could not read the host again: ${error.title}`}>
      <p><TextWithCode text={error.detail} /> The devices shown are from the previous read.</p>
      {error.remedy && <p><TextWithCode text={error.remedy} /></p>}
    </Notice>
  );
}
