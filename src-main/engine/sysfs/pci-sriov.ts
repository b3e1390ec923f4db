// SR-IOV of a physical function (kernel-abi.md 3.5). The attributes exist
// only on PFs; the VFs are the `virtfnN` links, in N order.
import type { SriovInfo } from '../../../src-shared/model';
import { readCount, readFlag } from './attribute-values';
import type { SysfsTree } from './sysfs-tree';

const VIRTFN = /^virtfn(\d+)$/;

function virtualFunctions(tree: SysfsTree, dir: string): string[] {
  const links: { index: number; name: string }[] = [];
  for (const entry of tree.entries(dir) ?? []) {
    const index = VIRTFN.exec(entry.name)?.[1];
    if (index === undefined || entry.kind !== 'link') continue;
    const name = tree.linkName(dir, entry.name);
    if (name !== null) links.push({ index: Number(index), name });
  }
  return links.sort((a, b) => a.index - b.index).map((link) => link.name);
}

export function readSriov(tree: SysfsTree, dir: string): SriovInfo | null {
  const totalVfs = readCount(tree, dir, 'sriov_totalvfs');
  if (totalVfs === null) return null;
  return {
    totalVfs,
    numVfs: readCount(tree, dir, 'sriov_numvfs') ?? 0,
    offset: readCount(tree, dir, 'sriov_offset'),
    stride: readCount(tree, dir, 'sriov_stride'),
    vfDevice: tree.text(dir, 'sriov_vf_device'),
    driversAutoprobe: readFlag(tree, dir, 'sriov_drivers_autoprobe'),
    vfs: virtualFunctions(tree, dir),
  };
}
