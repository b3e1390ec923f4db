// Runs a driver's profile at probe and remove: refusals first (the
// profile's, then the device's own), then each behaviour's check, then what
// the driver creates; at remove, SR-IOV and mdev parents go before the rest.
import type { ProbeErrno } from '../../errno';
import { registerReadyParents, unregisterMdevParent } from '../mdev';
import { disableSriov } from '../pci/sriov';
import type { Behaviour, ProbeContext } from './context';
import { drm, nvme, sound, virtioBlk } from './class-devices';
import type { Creation, RefuseWhen } from './driver-profiles';
import { VFIO_DENYLIST, driverProfile } from './driver-profiles';
import { mlx5, mlx5Eth, mlx5Sf } from './mlx5';
import { mlx5Vdpa } from './mlx5-vdpa';
import { net } from './net';
import { netdevsim } from './netdevsim';
import { vfioMdev, vfioPci } from './vfio';
import { vhostVdpa, virtioPci, virtioVdpa } from './virtio';

const BEHAVIOURS: Readonly<Record<Creation, Behaviour>> = {
  net, nvme, 'virtio-blk': virtioBlk, drm, sound,
  'vfio-pci': vfioPci, 'vfio-mdev': vfioMdev,
  'virtio-pci': virtioPci, 'virtio-vdpa': virtioVdpa, 'vhost-vdpa': vhostVdpa,
  mlx5, 'mlx5-sf': mlx5Sf, 'mlx5-eth': mlx5Eth, 'mlx5-vdpa': mlx5Vdpa, netdevsim,
};

const PCIE_PORTS = new Set(['root-port', 'upstream-port', 'downstream-port']);

function refuses(ctx: ProbeContext, when: RefuseWhen): boolean {
  const hw = ctx.dev.pci?.hw;
  switch (when) {
    case 'always': return true;
    case 'bridge': return hw !== undefined && (hw.headerType & 0x7f) !== 0;
    case 'pf-with-vfs': return (ctx.dev.pci?.sriov?.numVfs ?? 0) > 0;
    case 'no-iommu-group': return ctx.dev.group === null;
    case 'not-pcie-port': return hw?.pcie === null || hw?.pcie === undefined || !PCIE_PORTS.has(hw.pcie);
    case 'not-virtio-range': return hw !== undefined && (hw.ids.device < 0x1000 || hw.ids.device > 0x107f);
    case 'denylisted':
      return hw !== undefined && ctx.k.module('vfio_pci')?.params.disable_denylist !== 'Y'
        && VFIO_DENYLIST.some(([vendor, device]) => vendor === hw.ids.vendor && device === hw.ids.device);
  }
}

function behavioursOf(ctx: ProbeContext): Behaviour[] {
  return (driverProfile(ctx.drv.bus, ctx.drv.name).creates ?? []).map((creation) => BEHAVIOURS[creation]);
}

/** The driver's probe: null on success, else why it refused. */
export function probeBehaviours(ctx: ProbeContext): ProbeErrno | null {
  const profile = driverProfile(ctx.drv.bus, ctx.drv.name);
  for (const refusal of profile.refuses ?? []) if (refuses(ctx, refusal.when)) return refusal.errno;
  const quirk = ctx.dev.pci?.hw.probeFails[ctx.drv.name];
  if (quirk !== undefined) return quirk;
  const behaviours = behavioursOf(ctx);
  for (const behaviour of behaviours) {
    const refusal = behaviour.check?.(ctx) ?? null;
    if (refusal !== null) return refusal;
  }
  const sriov = ctx.dev.pci?.sriov;
  // pci_sriov_set_totalvfs(): a cap above TotalVFs is refused and changes nothing.
  const cap = profile.sriov?.maxVfs;
  if (sriov && cap !== undefined && cap <= sriov.hw.totalVfs) sriov.driverMaxVfs = cap;
  for (const behaviour of behaviours) behaviour.create(ctx);
  registerReadyParents(ctx.k, [ctx.dev]);
  return null;
}

/** The driver's remove: SR-IOV off when the driver does that, mdev children gone, then its own teardown. */
export function removeBehaviours(ctx: ProbeContext): void {
  const profile = driverProfile(ctx.drv.bus, ctx.drv.name);
  if (ctx.dev.mdevParent && ctx.dev.pci?.hw.mdev?.parentDriver === ctx.drv.name) unregisterMdevParent(ctx.k, ctx.core, ctx.dev);
  if (profile.sriov?.disableOnRemove && ctx.dev.pci?.sriov?.numVfs) disableSriov(ctx.k, ctx.core, ctx.dev);
  for (const behaviour of behavioursOf(ctx).reverse()) behaviour.remove?.(ctx);
}
