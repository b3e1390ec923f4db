// SR-IOV attributes (kernel-abi.md 3.5): on a PF the sriov_* files
// (`sriov_vf_device` in plain hex) and `virtfnN` links; on a VF `physfn`.
import { vfMsixStore } from '../../kernel/pci/misc-stores';
import { sriovAutoprobeStore, sriovNumvfsStore, totalVfs } from '../../kernel/pci/sriov';
import type { SimDevice, SriovState } from '../../kernel/state';
import { devicePath } from '../context';
import type { ViewContext } from '../context';
import type { VNode } from '../nodes';
import { link, roFile, rwFile, woFile } from '../nodes';
import type { NodeOf } from './table';
import { attrTable } from './table';

const pf = (show: (sriov: SriovState) => string): NodeOf => (dev) => roFile(() => (dev.pci?.sriov ? show(dev.pci.sriov) : ''));

export const SRIOV_PF = attrTable((dev) => dev.pci?.sriov !== null && dev.pci?.sriov !== undefined, {
  sriov_totalvfs: pf((sriov) => `${totalVfs(sriov)}\n`),
  sriov_numvfs: (dev, ctx) => rwFile(() => `${dev.pci?.sriov?.numVfs ?? 0}\n`, ({ text }) => sriovNumvfsStore(ctx.k, ctx.core, dev, text)),
  sriov_offset: pf((sriov) => `${sriov.hw.offset}\n`),
  sriov_stride: pf((sriov) => `${sriov.hw.stride}\n`),
  sriov_vf_device: pf((sriov) => `${sriov.hw.vfDevice.toString(16)}\n`),
  sriov_drivers_autoprobe: (dev) => rwFile(() => (dev.pci?.sriov?.driversAutoprobe ? '1\n' : '0\n'), ({ text }) => sriovAutoprobeStore(dev, text)),
  sriov_vf_total_msix: pf(() => '0\n'),
});

export const SRIOV_VF = attrTable((dev) => dev.pci?.physfn !== null && dev.pci?.physfn !== undefined, {
  physfn: (dev, ctx) => {
    const physfn = dev.pci?.physfn;
    const parent = physfn === null || physfn === undefined ? undefined : ctx.k.findDevice(physfn);
    return parent ? link(devicePath(ctx, parent)) : null;
  },
  sriov_vf_msix_count: () => woFile(({ text }) => vfMsixStore(text)),
});

const VIRTFN = /^virtfn(\d+)$/;

/** `virtfnN` links of a PF. */
export function virtfnLinks(dev: SimDevice, ctx: ViewContext): [string, VNode][] {
  return (dev.pci?.sriov?.vfs ?? []).flatMap((id, i) => {
    const vf = ctx.k.findDevice(id);
    return vf ? [[`virtfn${i}`, link(devicePath(ctx, vf))] as [string, VNode]] : [];
  });
}

export function virtfnLink(dev: SimDevice, ctx: ViewContext, name: string): VNode | null {
  const index = VIRTFN.exec(name)?.[1];
  const id = index === undefined ? undefined : dev.pci?.sriov?.vfs[Number(index)];
  const vf = id === undefined ? undefined : ctx.k.findDevice(id);
  return vf && String(Number(index)) === index ? link(devicePath(ctx, vf)) : null;
}
