// Attributes of the other modelled devices: network interfaces, virtio
// devices, an SF's auxiliary device (`sfnum`), a netdevsim device.
import { hex } from '../../kernel/modalias';
import { nsimNumvfsStore } from '../../kernel/netdevsim-bus';
import { kstrtouint } from '../../kernel/parse';
import { roFile, rwFile } from '../nodes';
import { attrTable } from './table';

const MAX_MTU = 65535;
const MIN_MTU = 68;

export const NET = attrTable((dev) => dev.net !== undefined, {
  address: (dev) => roFile(() => `${dev.net?.address}\n`),
  ifindex: (dev) => roFile(() => `${dev.net?.ifindex}\n`),
  mtu: (dev) => rwFile(() => `${dev.net?.mtu}\n`, ({ text }) => {
    const value = kstrtouint(text);
    if ('errno' in value) return value.errno;
    if (!dev.net || value.value < MIN_MTU || value.value > MAX_MTU) return 'EINVAL';
    dev.net.mtu = value.value;
    return null;
  }),
});

export const VIRTIO = attrTable((dev) => dev.virtio !== undefined, {
  device: (dev) => roFile(() => `0x${hex(dev.virtio?.device ?? 0, 4)}\n`),
  vendor: (dev) => roFile(() => `0x${hex(dev.virtio?.vendor ?? 0, 4)}\n`),
});

export const AUX = attrTable((dev) => dev.aux?.sfnum !== null && dev.aux?.sfnum !== undefined, {
  sfnum: (dev) => roFile(() => `${dev.aux?.sfnum}\n`),
});

export const NETDEVSIM = attrTable((dev) => dev.nsim !== undefined, {
  sriov_numvfs: (dev) => rwFile(() => `${dev.nsim?.numVfs ?? 0}\n`, ({ text }) => nsimNumvfsStore(dev, text)),
});
