// vDPA devices (kernel-abi.md 5): `vdpa dev add` as iproute2 sends
// VDPA_CMD_DEV_NEW, with the netlink policy's and the doit's errors in
// order; the device lands on the vdpa bus under its management device and
// binds the first registered vdpa driver; `vdpa dev del` removes only
// user-created devices.
import type { Errno } from '../errno';
import type { CoreOps } from './behaviours/context';
import type { Kernel } from './kernel';
import type { VdpaAttr } from './state';

export interface VdpaDevAddRequest {
  readonly name: string | null;
  readonly mgmtdev: string | null;
  readonly mac?: string;
  readonly mtu?: number;
  readonly maxVqp?: number;
}

/** VDPA_ATTR_DEV_NET_CFG_MTU's policy minimum. */
const MIN_MTU = 68;
const VIRTIO_ID_NET = 1;

export function vdpaDevAdd(k: Kernel, core: CoreOps, req: VdpaDevAddRequest): Errno | null {
  if (req.mtu !== undefined && req.mtu < MIN_MTU) return 'ERANGE';
  if (req.name === null || req.name === '') return 'EINVAL';
  if (req.maxVqp === 0) return 'EINVAL';
  const requested: VdpaAttr[] = [];
  if (req.mac !== undefined) requested.push('mac');
  if (req.mtu !== undefined) requested.push('mtu');
  if (req.maxVqp !== undefined) requested.push('max_vqp');
  const mgmt = k.vdpaMgmt.find((record) => record.handle === req.mgmtdev);
  if (!mgmt) return 'ENODEV';
  if (requested.some((attr) => !mgmt.attrs.includes(attr))) return 'EOPNOTSUPP';
  if (requested.length > 0 && !mgmt.classes.includes(VIRTIO_ID_NET)) return 'EINVAL';
  // VDUSE adds only devices userspace created through /dev/vduse/control first.
  if (mgmt.kind === 'vduse') return 'EINVAL';
  // mlx5_vdpa_dev_add(): one device per function ("if (mgtdev->ndev) return -ENOSPC").
  if (mgmt.kind === 'mlx5' && k.busDevices('vdpa').some((dev) => dev.vdpa?.mgmtdev === mgmt.handle)) return 'ENOSPC';
  const spec = { name: req.name, parent: mgmt.parent, bus: 'vdpa', cls: null, createdBy: null, devnode: null } as const;
  if (k.busDevice('vdpa', req.name) || k.nameTaken(spec)) return 'EEXIST';
  core.register(k, {
    ...spec,
    vdpa: {
      mgmtdev: mgmt.handle, userCreated: true, virtioId: mgmt.classes[0] ?? VIRTIO_ID_NET, vendorId: mgmt.vendorId,
      mac: req.mac ?? null, mtu: req.mtu ?? null, maxVqp: req.maxVqp ?? null,
    },
  });
  return null;
}

export function vdpaDevDel(k: Kernel, core: CoreOps, name: string | null): Errno | null {
  if (name === null || name === '') return 'EINVAL';
  const dev = k.busDevice('vdpa', name);
  if (!dev) return 'ENODEV';
  if (!dev.vdpa?.userCreated) return 'EINVAL';
  core.unregister(k, dev);
  return null;
}
