import { describe, expect, it } from 'vitest';
import { buildDeviceTree } from '../../../../src-renderer/model/device-tree';
import { ancestorKeys, expandedByDefault, treeRows } from '../../../../src-renderer/model/tree-rows';
import type { TreeRow } from '../../../../src-renderer/model/tree-rows';
import { makeDevice, pciInfo } from './make-device';

const rootPort = makeDevice({ name: '0000:00:01.0', pci: pciInfo({ isBridge: true }) });
const gpu = makeDevice({ name: '0000:01:00.0', parent: 'pci/0000:00:01.0' });
const audio = makeDevice({ name: '0000:01:00.1', parent: 'pci/0000:00:01.0' });
const cpu = makeDevice({ bus: 'cpu', name: 'cpu0' });
const devices = [rootPort, gpu, audio, cpu];
const tree = buildDeviceTree(devices);

const describeRow = (row: TreeRow) =>
  `${'  '.repeat(row.level - 1)}${row.kind === 'bus' ? row.bus : row.device.name}${row.expandable ? (row.expanded ? ' -' : ' +') : ''}`;

describe('treeRows', () => {
  it('opens the PCI branch and closes the long system buses by default', () => {
    const rows = treeRows(tree, { matches: null, isExpanded: expandedByDefault });
    expect(rows.map(describeRow)).toEqual([
      'pci -',
      '  0000:00:01.0 -',
      '    0000:01:00.0',
      '    0000:01:00.1',
      'cpu +',
    ]);
  });

  it('hides the children of a collapsed device', () => {
    const rows = treeRows(tree, { matches: null, isExpanded: (key) => key !== rootPort.id && expandedByDefault(key) });
    expect(rows.map(describeRow)).toEqual(['pci -', '  0000:00:01.0 +', 'cpu +']);
  });

  it('gives every row its level, set size and position for assistive technology', () => {
    const rows = treeRows(tree, { matches: null, isExpanded: () => true });
    const audioRow = rows.find((r) => r.key === audio.id);
    expect(audioRow).toMatchObject({ level: 3, setSize: 2, posInSet: 2, parentKey: rootPort.id });
    expect(rows[0]).toMatchObject({ level: 1, setSize: 2, posInSet: 1, deviceCount: 3, matchCount: 3 });
  });

  it('with a filter, shows matches with the ancestors that place them, and only buses with matches', () => {
    const rows = treeRows(tree, { matches: new Set([audio.id]), isExpanded: () => true });
    expect(rows.map(describeRow)).toEqual(['pci -', '  0000:00:01.0 -', '    0000:01:00.1']);
    expect(rows.map((r) => r.kind === 'device' && r.matched)).toEqual([false, false, true]);
    expect(rows[0]).toMatchObject({ deviceCount: 3, matchCount: 1 });
  });

  it('shows nothing when the filter matches nothing', () => {
    expect(treeRows(tree, { matches: new Set(), isExpanded: () => true })).toEqual([]);
  });
});

describe('ancestorKeys', () => {
  it('names the bus and every tree ancestor a device needs open to be seen', () => {
    const byId = new Map(devices.map((d) => [d.id, d]));
    expect(ancestorKeys(gpu, byId)).toEqual(['bus:pci', rootPort.id]);
    expect(ancestorKeys(cpu, byId)).toEqual(['bus:cpu']);
  });
});
