// The engine went away (the bridge stopped, the app is closing): say so once,
// at the top, since every other panel now shows what was last known.
import type { BinderyError } from '../../../src-shared/errors';
import { Notice } from '../../components/Notice';
import { TextWithCode } from '../../components/TextWithCode';
import './banners.css';

export function ConnectionLost({ error }: { readonly error: BinderyError }) {
  return (
    <Notice tone="danger" className="banner" role="alert" title={error.title}>
      <p><TextWithCode text={error.detail} /> What you see is the host as it was last read.</p>
      {error.remedy && <p><TextWithCode text={error.remedy} /></p>}
    </Notice>
  );
}
