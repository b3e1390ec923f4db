// mlx5_core (kernel-abi.md 6.2, 6.3): a bound function gets a devlink
// instance `pci/<BDF>` (eswitch legacy) and an auxiliary device for each
// protocol its parameters enable (vnet, rdma, eth: mlx5_adev_devices[]
// order), named with an index from mlx5's shared IDA. An SF's auxiliary
// device, once its driver binds, is "in use" and has a devlink instance of
// its own, but probes light: no protocol devices until its parameters are set
// and the instance is reloaded (mlx5 switchdev.rst). The eth driver's netdev
// hangs under the function itself (SET_NETDEV_DEV(netdev, mdev->device)).
import { addDevlink, devlinkOf, removeDevlink, sfOfAux, teardownSfs } from '../devlink';
import type { Kernel } from '../kernel';
import type { DevlinkRecord, SimDevice } from '../state';
import type { Behaviour, CoreOps } from './context';
import { addNetdev } from './net';

const PROTOCOLS = ['vnet', 'rdma', 'eth'] as const;

/** CONFIG_MLX5_VDPA_NET: the machine has mlx5_vdpa. PFs never offer vnet (is_vnet_supported()). */
function vnetSupported(k: Kernel, dev: SimDevice): boolean {
  const isPf = dev.pci !== undefined && dev.pci.physfn === null;
  return !isPf && k.catalog.some((module) => module.name === 'mlx5_vdpa');
}

/** The devlink parameters of a function: enabled on a full probe, off on an SF's light one. */
function defaultParams(k: Kernel, dev: SimDevice, light: boolean): Record<string, boolean> {
  const params: Record<string, boolean> = { enable_eth: !light, enable_rdma: !light };
  if (vnetSupported(k, dev)) params.enable_vnet = !light;
  return params;
}

/** mlx5_rescan_drivers(): the protocol devices the parameters enable, under the function. */
export function addProtocolDevices(k: Kernel, core: CoreOps, record: DevlinkRecord): void {
  const dev = k.device(record.device);
  for (const protocol of PROTOCOLS) {
    if (record.params[`enable_${protocol}`] !== true) continue;
    core.register(k, {
      name: `mlx5_core.${protocol}.${record.adevIdx}`, parent: dev.id, bus: 'auxiliary', cls: null, createdBy: dev.id,
      devnode: null, aux: { sfnum: null },
    });
  }
}

/** The protocol devices go, children first in reverse order, as a reload or unbind takes them. */
export function removeProtocolDevices(k: Kernel, core: CoreOps, record: DevlinkRecord): void {
  const pattern = new RegExp(`^mlx5_core\\.(${PROTOCOLS.join('|')})\\.${record.adevIdx}$`);
  for (const child of k.createdBy(record.device).reverse()) if (pattern.test(child.name)) core.unregister(k, child);
}

export const mlx5: Behaviour = {
  create: (ctx) => {
    const { k, dev } = ctx;
    const record: DevlinkRecord = {
      handle: `pci/${dev.name}`, device: dev.id, kind: 'mlx5', eswitch: 'legacy',
      maxSfs: dev.pci?.hw.devlink?.maxSfs ?? 0, pfnum: (dev.pci?.hw.devfn ?? 0) & 7, adevIdx: k.ida('mlx5_adev').alloc(), ports: [],
      params: defaultParams(k, dev, false),
    };
    addDevlink(k, record);
    addProtocolDevices(k, ctx.core, record);
  },
  remove: (ctx) => {
    const record = devlinkOf(ctx.k, `pci/${ctx.dev.name}`);
    if (!record) return;
    teardownSfs(ctx.k, ctx.core, record);
    removeDevlink(ctx.k, record.handle);
    if (record.adevIdx !== null) ctx.k.ida('mlx5_adev').free(record.adevIdx);
  },
};

export const mlx5Sf: Behaviour = {
  create: (ctx) => {
    const sf = sfOfAux(ctx.k, ctx.dev);
    if (sf) sf.hwState = 'IN_USE';
    addDevlink(ctx.k, {
      handle: `auxiliary/${ctx.dev.name}`, device: ctx.dev.id, kind: 'mlx5-sf', eswitch: null,
      maxSfs: 0, pfnum: sf?.pfnum ?? 0, adevIdx: Number(ctx.dev.name.slice(ctx.dev.name.lastIndexOf('.') + 1)), ports: [],
      params: defaultParams(ctx.k, ctx.dev, true),
    });
  },
  remove: (ctx) => {
    const sf = sfOfAux(ctx.k, ctx.dev);
    if (sf?.hwState === 'IN_USE') sf.hwState = 'ACTIVE';
    removeDevlink(ctx.k, `auxiliary/${ctx.dev.name}`);
  },
};

/** mlx5e: the function's netdev, owned by the eth auxiliary device's binding. */
export const mlx5Eth: Behaviour = {
  create: (ctx) => {
    const fn = ctx.dev.parent === null ? undefined : ctx.k.findDevice(ctx.dev.parent);
    if (fn) addNetdev(ctx, fn, ctx.dev);
  },
};
