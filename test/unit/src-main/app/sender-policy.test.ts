// Only Bindery's own top-level page may call the engine over IPC.
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../src-main/app/sender-policy';

describe('IPC sender policy', () => {
  it('accepts the app page on bindery://app', () => {
    expect(isTrustedSender({ url: 'bindery://app/index.html', isTopLevel: true })).toBe(true);
  });

  it('refuses frames inside the page, other origins and missing frames', () => {
    expect(isTrustedSender({ url: 'bindery://app/index.html', isTopLevel: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', isTopLevel: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///usr/lib/bindery/index.html', isTopLevel: true })).toBe(false);
    expect(isTrustedSender({ url: 'bindery://evil/index.html', isTopLevel: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isTopLevel: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
