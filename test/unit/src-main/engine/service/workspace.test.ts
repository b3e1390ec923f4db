// The workspace: which host the UI shows, switching between the listed ones
// only, and snapshots that follow the host shown now.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostInfo, Snapshot } from '../../../../../src-shared/model';
import { LinuxHost } from '../../../../../src-main/engine/host/linux-host';
import type { Host } from '../../../../../src-main/engine/host/host';
import { loadAliasDatabase } from '../../../../../src-main/engine/alias/database';
import { openIdDatabase } from '../../../../../src-main/engine/ids/id-database';
import { HostCatalog, linuxHostEntry } from '../../../../../src-main/engine/service/host-catalog';
import { InventoryService } from '../../../../../src-main/engine/service/inventory-service';
import { Workspace } from '../../../../../src-main/engine/service/workspace';

const TREE = path.resolve('test/fixtures/sysfs/workstation');
const ALIASES = path.resolve('test/fixtures/modules-alias/modules.alias.debian-6.12.113-amd64');

function twoHosts(): Workspace {
  const local = linuxHostEntry({ sysfsRoot: '/', modulesAlias: null, host: 'local' });
  const tree = linuxHostEntry({ sysfsRoot: TREE, modulesAlias: ALIASES, host: 'local' });
  return new Workspace(new HostCatalog([local, tree]), 'local');
}

describe('Workspace', () => {
  it('lists the hosts it can show, with labels for the host menu', async () => {
    const workspace = twoHosts();
    expect(await workspace.listHosts()).toEqual([
      expect.objectContaining({ id: 'local', kind: 'linux', label: 'This computer' }),
      expect.objectContaining({ id: `tree:${TREE}`, label: 'Captured tree: workstation' }),
    ]);
    workspace.dispose();
  });

  it('switches hosts: events announce the new host and its snapshot', async () => {
    const workspace = twoHosts();
    await workspace.getSnapshot();
    const hosts: HostInfo[] = [];
    const snapshots: Snapshot[] = [];
    workspace.onDidChangeHost((host) => hosts.push(host));
    workspace.onDidChangeSnapshot((snapshot) => snapshots.push(snapshot));
    const info = await workspace.selectHost(`tree:${TREE}`);
    expect(info.root).toBe(TREE);
    expect(hosts.map((h) => h.id)).toEqual([`tree:${TREE}`]);
    const snapshot = await workspace.getSnapshot();
    expect(snapshot.host.id).toBe(`tree:${TREE}`);
    expect(snapshot.devices.some((d) => d.id === 'pci/0000:02:00.0')).toBe(true);
    await expect.poll(() => snapshots.length).toBeGreaterThan(0);
    expect(snapshots.every((s) => s.host.id === `tree:${TREE}`)).toBe(true);
    expect((await workspace.getCandidates('pci/0000:02:00.0')).recommended).toBe('nvme');
    workspace.dispose();
  });

  it('refuses a host it did not list, and stays where it was', async () => {
    const workspace = twoHosts();
    await expect(workspace.selectHost('tree:/etc')).rejects.toMatchObject({ error: { code: 'BAD_INPUT', title: 'No such host' } });
    await expect(workspace.selectHost('sim:nowhere')).rejects.toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect((await workspace.getHost()).id).toBe('local');
    workspace.dispose();
  });
});

describe('InventoryService', () => {
  it('scans again when a refresh is asked for during a scan, so no change is missed', async () => {
    const real = new LinuxHost({ root: TREE, ids: openIdDatabase() });
    let scans = 0;
    let release: () => void = () => undefined;
    const slow: Host = {
      info: real.info,
      source: real.source,
      facts: () => real.facts(),
      scan: async () => {
        scans += 1;
        if (scans === 1) await new Promise<void>((resolve) => { release = resolve; });
        return real.scan();
      },
    };
    const inventory = new InventoryService(slow, loadAliasDatabase({ root: TREE, kernelRelease: null, modulesAliasFile: ALIASES }));
    const seen: Snapshot[] = [];
    inventory.onDidChangeSnapshot((s) => seen.push(s));
    const first = inventory.refresh();
    const second = inventory.refresh();
    release();
    await Promise.all([first, second]);
    expect(scans).toBe(2);
    expect(seen).toHaveLength(1);
  });

  it('refreshes by itself when the host reports a change', async () => {
    const real = new LinuxHost({ root: TREE, ids: openIdDatabase() });
    let notify: () => void = () => undefined;
    const watched: Host = { info: real.info, source: real.source, facts: () => real.facts(), scan: () => real.scan(), watch: (onChange) => {
      notify = onChange;
      return () => { notify = () => undefined; };
    } };
    const inventory = new InventoryService(watched, loadAliasDatabase({ root: TREE, kernelRelease: null, modulesAliasFile: ALIASES }));
    const seen: Snapshot[] = [];
    inventory.onDidChangeSnapshot((s) => seen.push(s));
    notify();
    await expect.poll(() => seen.length).toBe(1);
    inventory.dispose();
    notify();
    expect(seen).toHaveLength(1);
  });
});
