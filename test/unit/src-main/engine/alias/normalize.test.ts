// kmod's alias_normalize: `-` to `_` outside brackets, unbalanced brackets refused.
import { describe, expect, it } from 'vitest';
import { aliasNormalize } from '../../../../../src-main/engine/alias/normalize';

describe('aliasNormalize', () => {
  it('turns - into _ outside brackets only', () => {
    expect(aliasNormalize('xen-backend:vbd')).toBe('xen_backend:vbd');
    expect(aliasNormalize('crypto-twofish-asm')).toBe('crypto_twofish_asm');
    expect(aliasNormalize('usb:v13FDp3940d0[0-2]*dc*')).toBe('usb:v13FDp3940d0[0-2]*dc*');
    expect(aliasNormalize('a-[x-z]-b')).toBe('a_[x-z]_b');
  });

  it('ends a bracket at its first ], as kmod does', () => {
    expect(aliasNormalize('[]-a')).toBe('[]_a');
    expect(aliasNormalize('[\\]-a')).toBe('[\\]_a');
  });

  it('refuses an unmatched [ or ]', () => {
    expect(aliasNormalize('pci:v[0')).toBeNull();
    expect(aliasNormalize('pci:v0]')).toBeNull();
    expect(aliasNormalize('[]]')).toBeNull();
  });
});
