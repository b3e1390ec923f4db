// /sys/kernel: `iommu_groups/<N>/` (devices/, type, reserved_regions) and
// `uevent_seqnum`.
import { setGroupType } from '../kernel/iommu';
import type { GroupRecord } from '../kernel/state';
import type { ViewContext } from './context';
import { devicePath } from './context';
import type { VDir } from './nodes';
import { lazyDir, link, mapDir, roFile, rwFile } from './nodes';

/** The interrupt-remapping window every DMA group of an Intel IOMMU reports. */
const MSI_REGION = '0x00000000fee00000 0x00000000feefffff msi\n';

function groupDir(ctx: ViewContext, group: GroupRecord): VDir {
  const { k } = ctx;
  const devices = lazyDir(
    () => [...k.groupMembers(group.id)].map((id) => k.device(id).name),
    (name) => {
      for (const id of k.groupMembers(group.id)) {
        const dev = k.device(id);
        if (dev.name === name) return link(devicePath(ctx, dev));
      }
      return null;
    },
  );
  return mapDir(() => [
    ['devices', devices],
    ['type', rwFile(() => `${group.type ?? 'unknown'}\n`, ({ text }) => setGroupType(k, group, text))],
    ['reserved_regions', roFile(() => (group.type === null ? '' : MSI_REGION))],
  ]);
}

export function kernelDir(ctx: ViewContext): VDir {
  const groups = lazyDir(() => [...ctx.k.groups()].map((group) => String(group.id)), (name) => {
    const group = /^\d+$/.test(name) ? ctx.k.group(Number(name)) : undefined;
    return group && String(group.id) === name ? groupDir(ctx, group) : null;
  });
  return mapDir(() => [
    ['iommu_groups', groups],
    ['uevent_seqnum', roFile(() => `${ctx.k.seqnum}\n`)],
  ]);
}
