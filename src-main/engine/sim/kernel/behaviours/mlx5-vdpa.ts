// mlx5_vdpa (drivers/vdpa/mlx5/net/mlx5_vnet.c, kernel-abi.md 5.3): binding
// a function's vnet auxiliary device registers a vDPA management device named
// after the function (`auxiliary/mlx5_core.sf.4`, `pci/0000:06:00.2`), whose
// devices hang under that function; unbinding unregisters it with every
// device it made.
import type { SimDevice } from '../state';
import type { Behaviour, ProbeContext } from './context';

const VIRTIO_ID_NET = 1;
const PCI_VENDOR_ID_MELLANOX = 0x15b3;
/** The firmware's max_num_virtio_queues (256 on ConnectX-6 Dx) plus the control queue. */
const MAX_VQS = 257;

function functionOf(ctx: ProbeContext): SimDevice | undefined {
  return ctx.dev.parent === null ? undefined : ctx.k.findDevice(ctx.dev.parent);
}

const handleOf = (fn: SimDevice): string => `${fn.bus ?? ''}/${fn.name}`;

export const mlx5Vdpa: Behaviour = {
  create: (ctx) => {
    const fn = functionOf(ctx);
    if (!fn) return;
    ctx.k.vdpaMgmt.push({
      handle: handleOf(fn), kind: 'mlx5', vendorId: PCI_VENDOR_ID_MELLANOX, classes: [VIRTIO_ID_NET],
      attrs: ['mac', 'mtu', 'max_vqp', 'features'], maxVqs: MAX_VQS, parent: fn.id,
    });
  },
  remove: (ctx) => {
    const fn = functionOf(ctx);
    if (!fn) return;
    const handle = handleOf(fn);
    for (const dev of ctx.k.busDevices('vdpa')) if (dev.vdpa?.mgmtdev === handle) ctx.core.unregister(ctx.k, dev);
    const at = ctx.k.vdpaMgmt.findIndex((record) => record.handle === handle);
    if (at >= 0) ctx.k.vdpaMgmt.splice(at, 1);
  },
};
