// Which frames may call the engine: only Bindery's own top-level page.
import { APP_HOST, APP_SCHEME } from './app-origin';

export interface SenderFrame {
  readonly url: string;
  readonly isTopLevel: boolean;
}

export function isTrustedSender(frame: SenderFrame | null): boolean {
  if (!frame || !frame.isTopLevel) return false;
  try {
    // Node's URL gives custom schemes an opaque origin, so compare the parts.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
