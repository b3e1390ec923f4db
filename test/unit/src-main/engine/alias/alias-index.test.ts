// The prefix index must find exactly what testing every pattern finds: here,
// kmod's way (kmodMatch) and a plain fnmatch of the whole pattern over all
// 27,429 Debian aliases, for some 400 keys of every kind.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAliasFile } from '../../../../../src-main/engine/alias/alias-file';
import { AliasIndex } from '../../../../../src-main/engine/alias/alias-index';
import { fnmatch } from '../../../../../src-main/engine/alias/fnmatch';
import { kmodMatch } from '../../../../../src-main/engine/alias/kmod-match';
import { aliasNormalize } from '../../../../../src-main/engine/alias/normalize';
import { DEBIAN_6_12 } from './support/fixtures';
import { hwdataFile, otherKeys, pciKeys, seededRandom, usbKeys, virtioKeys } from './support/oracle-keys';

const text = fs.readFileSync(DEBIAN_6_12, 'utf8');
const entries = parseAliasFile(text, false, 0);
const index = new AliasIndex(entries);

function keys(): string[] {
  const random = seededRandom(31337);
  return [
    ...pciKeys(fs.readFileSync(hwdataFile('pci.ids'), 'utf8'), text, random).filter((_, i) => i % 16 === 0),
    ...usbKeys(fs.readFileSync(hwdataFile('usb.ids'), 'utf8'), text, random).filter((_, i) => i % 4 === 0),
    ...virtioKeys(),
    ...otherKeys(text, random).slice(0, 100),
    'vfio_pci:v000015B3d0000101Esv000015B3sd00000001bc02sc00i00',
  ].map((key) => aliasNormalize(key) ?? key);
}

describe('AliasIndex', () => {
  it('reads every alias line of the Debian file', () => {
    expect(entries).toHaveLength(27429);
    expect(entries[0]).toEqual({
      pattern: 'cpu:type:x86,ven0000fam0006mod00DD:feature:*', normalized: 'cpu:type:x86,ven0000fam0006mod00DD:feature:*',
      module: 'intel_uncore', order: 0, builtin: false,
    });
  });

  it('finds what a linear scan finds, for kmod\'s matching and for plain fnmatch', { timeout: 120_000 }, () => {
    let hits = 0;
    const differences: string[] = [];
    for (const key of keys()) {
      const fromIndex = index.lookup(key).map((e) => e.order);
      const linearKmod = entries.filter((e) => kmodMatch(e.normalized, key)).map((e) => e.order);
      const linearFnmatch = entries.filter((e) => fnmatch(e.normalized, key)).map((e) => e.order);
      if (fromIndex.join() !== linearKmod.join() || fromIndex.join() !== linearFnmatch.join()) differences.push(key);
      hits += fromIndex.length;
    }
    expect(differences).toEqual([]);
    expect(hits).toBeGreaterThan(250);
  });

  it('returns matches in file order, duplicate lines included', () => {
    const found = index.lookup('pci:v00001E4Bd00001602sv00001E4Bsd00001602bc01sc08i02');
    expect(found.map((e) => `${e.pattern} ${e.module}`).sort()).toEqual([
      'pci:v*d*sv*sd*bc01sc08i02* nvme',
      'pci:v00001E4Bd00001602sv*sd*bc*sc*i* nvme',
      'pci:v00001E4Bd00001602sv*sd*bc*sc*i* nvme',
    ]);
    expect(found.map((e) => e.order)).toEqual(found.map((e) => e.order).sort((a, b) => a - b));
  });
});
