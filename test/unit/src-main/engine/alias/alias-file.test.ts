// Parsing modules.alias lines the way depmod writes them.
import { describe, expect, it } from 'vitest';
import { parseAliasFile, parseBuiltinModinfo } from '../../../../../src-main/engine/alias/alias-file';

describe('parseAliasFile', () => {
  it('reads alias lines, skips comments and other lines, and numbers them on from firstOrder', () => {
    const text = [
      '# Aliases extracted from modules themselves.',
      'alias pci:v00008086d00001572sv*sd*bc*sc*i* i40e',
      'softdep foo pre: bar',
      'alias xen-backend:vbd xen_blkback\r',
      '',
    ].join('\n');
    expect(parseAliasFile(text, true, 10)).toEqual([
      { pattern: 'pci:v00008086d00001572sv*sd*bc*sc*i*', normalized: 'pci:v00008086d00001572sv*sd*bc*sc*i*', module: 'i40e', order: 10, builtin: true },
      { pattern: 'xen-backend:vbd', normalized: 'xen_backend:vbd', module: 'xen_blkback', order: 11, builtin: true },
    ]);
  });

  it('leaves out patterns with unbalanced brackets, as depmod leaves them out of modules.alias.bin', () => {
    expect(parseAliasFile('alias usb:v1234d0[0-2*dc* broken\nalias ok:x good\n', false, 0).map((e) => e.module)).toEqual(['good']);
  });

  it('ignores lines without a module', () => {
    expect(parseAliasFile('alias lonely\nalias \n', false, 0)).toEqual([]);
  });

  it('reads the aliases of modules.builtin.modinfo as built-in entries', () => {
    const modinfo = 'fuse.license=GPL\0fuse.alias=char-major-10-229\0fuse.alias=fs-fuseblk\0crc32c_generic.alias=crypto-crc32c\0';
    expect(parseBuiltinModinfo(modinfo, 5).map((e) => [e.pattern, e.normalized, e.module, e.order, e.builtin])).toEqual([
      ['char-major-10-229', 'char_major_10_229', 'fuse', 5, true],
      ['fs-fuseblk', 'fs_fuseblk', 'fuse', 6, true],
      ['crypto-crc32c', 'crypto_crc32c', 'crc32c_generic', 7, true],
    ]);
  });
});
