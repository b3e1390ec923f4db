// The kmod oracle: Bindery's matching against `modprobe -R` on a module tree
// built from the Debian 6.12 fixture (src-main/bench/kmod-tree.ts). For every key the
// set of host-driver modules Bindery reports must be the set kmod resolves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AliasDatabase } from '../../../../../src-main/engine/alias/database';
import { loadAliasDatabase } from '../../../../../src-main/engine/alias/database';
import { modaliasProblem } from '../../../../../src-main/engine/alias/modalias-check';
import { aliasNormalize } from '../../../../../src-main/engine/alias/normalize';
import { candidatesForModalias } from '../../../../../src-main/engine/alias/report';
import { DEBIAN_6_12 } from './support/fixtures';
import type { KmodTree } from '../../../../../src-main/bench/kmod-tree';
import { SENTINEL_LINE, buildKmodTree, modprobeResolve, modprobeResolveAll } from '../../../../../src-main/bench/kmod-tree';
import { hwdataFile, otherKeys, pciKeys, seededRandom, usbKeys, virtioKeys } from './support/oracle-keys';

const VERSION = '6.12.113-bindery-oracle';
const aliasText = fs.readFileSync(DEBIAN_6_12, 'utf8');
let workDir: string;
let tree: KmodTree;
let db: AliasDatabase;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-kmod-oracle-'));
  tree = buildKmodTree(workDir, VERSION, aliasText);
  db = loadAliasDatabase({ root: path.join(workDir, 'no-sysfs'), kernelRelease: null, modulesAliasFile: DEBIAN_6_12 });
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** What Bindery says kmod would load: the host-driver candidates (the VFIO ones are Bindery's own addition). */
function binderyModules(key: string): string[] {
  if (modaliasProblem(key) === null) {
    return candidatesForModalias(db, key, workDir).candidates.filter((c) => c.kind === 'driver').map((c) => c.module);
  }
  return db.index.lookup(aliasNormalize(key) ?? key).map((entry) => entry.module);
}

interface Comparison {
  readonly mismatches: string[];
  readonly resolved: number;
  readonly modules: Set<string>;
}

async function compare(keys: readonly string[]): Promise<Comparison> {
  const answers = await modprobeResolveAll(tree, keys);
  const mismatches: string[] = [];
  const modules = new Set<string>();
  let resolved = 0;
  keys.forEach((key, i) => {
    const kmod = [...new Set(answers[i])].sort();
    const ours = [...new Set(binderyModules(key))].sort();
    if (kmod.length > 0) resolved += 1;
    kmod.forEach((m) => modules.add(m));
    if (kmod.join(' ') !== ours.join(' ')) mismatches.push(`${key}: kmod [${kmod.join(' ')}], Bindery [${ours.join(' ')}]`);
  });
  return { mismatches, resolved, modules };
}

describe('alias matching equals kmod (modprobe -R) on Debian 6.12', () => {
  it('depmod, given one minimal module per module name, writes back exactly the fixture\'s alias lines', () => {
    const lines = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('alias ') && l !== SENTINEL_LINE).sort();
    const regenerated = lines(fs.readFileSync(tree.aliasFile, 'utf8'));
    expect(regenerated.length).toBe(27429);
    expect(regenerated).toEqual(lines(aliasText));
  });

  it('resolves 2,000+ PCI modaliases from pci.ids to the same modules', { timeout: 120_000 }, async () => {
    const keys = pciKeys(fs.readFileSync(hwdataFile('pci.ids'), 'utf8'), aliasText, seededRandom(20_241_121));
    expect(keys.length).toBeGreaterThanOrEqual(2000);
    const result = await compare(keys);
    expect(result.mismatches).toEqual([]);
    // Not a vacuous pass: most keys match something, and the class-based drivers are among the answers.
    expect(result.resolved).toBeGreaterThan(keys.length / 2);
    for (const module of ['nvme', 'ahci', 'xhci_pci', 'ehci_pci', 'snd_hda_intel', 'nouveau', 'sdhci_pci', 'i40e']) {
      expect(result.modules).toContain(module);
    }
  });

  it('resolves USB interface modaliases from usb.ids, bcdDevice ranges included, to the same modules', { timeout: 60_000 }, async () => {
    const keys = usbKeys(fs.readFileSync(hwdataFile('usb.ids'), 'utf8'), aliasText, seededRandom(7));
    expect(keys.length).toBeGreaterThan(300);
    const result = await compare(keys);
    expect(result.mismatches).toEqual([]);
    expect(result.resolved).toBeGreaterThan(keys.length / 3);
    expect(result.modules).toContain('usb_storage');
  });

  it('resolves virtio modaliases to the same modules', async () => {
    const result = await compare(virtioKeys());
    expect(result.mismatches).toEqual([]);
    expect(result.modules).toEqual(new Set(['virtio_net', 'virtio_blk', 'virtio_balloon', 'virtio_rng', 'virtio_scsi',
      '9pnet_virtio', 'virtio_gpu', 'virtio_input', 'virtio_iommu', 'virtio_mem', 'virtio_crypto', 'virtio_pmem',
      'virtio_snd', 'vmw_vsock_virtio_transport', 'mac80211_hwsim', 'nsm']));
  });

  it('resolves other buses\' keys, with - and _ swapped, to the same modules', { timeout: 60_000 }, async () => {
    const keys = otherKeys(aliasText, seededRandom(99));
    const result = await compare(keys);
    expect(result.mismatches).toEqual([]);
    expect(result.resolved).toBeGreaterThan(keys.length / 2);
  });

  it('batching through modprobe -a gives what one modprobe -R per key gives', async () => {
    const keys = pciKeys(fs.readFileSync(hwdataFile('pci.ids'), 'utf8'), aliasText, seededRandom(5)).slice(0, 40);
    const batched = await modprobeResolveAll(tree, keys, 10, 2);
    const single = await Promise.all(keys.map((key) => modprobeResolve(tree, key)));
    expect(batched).toEqual(single);
    expect(single.some((modules) => modules.length > 0)).toBe(true);
  });
});
