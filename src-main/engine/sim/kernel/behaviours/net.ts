// A network interface: what a NIC driver's probe registers (register_netdev).
// Without udev's renaming the kernel names it eth%d, the lowest free number.
import type { SimDevice } from '../state';
import type { Behaviour, ProbeContext } from './context';

/** A netdev under `parent`, created by `owner`'s binding. */
export function addNetdev(ctx: Pick<ProbeContext, 'k' | 'core'>, parent: SimDevice, owner: SimDevice): SimDevice {
  const { k } = ctx;
  const n = k.ida('netdev:eth').alloc();
  const ifindex = k.nextIfindex();
  return ctx.core.add(k, {
    name: `eth${n}`, parent: parent.id, bus: null, cls: 'net', createdBy: owner.id, devnode: null,
    net: { ifindex, address: macFor(ifindex), mtu: 1500 },
    ids: [['netdev:eth', n]],
  });
}

/** QEMU-style locally administered addresses, unique per interface. */
function macFor(ifindex: number): string {
  const low = (0x54 + ifindex) & 0xffff;
  return `52:54:00:12:${((low >> 8) & 0xff).toString(16).padStart(2, '0')}:${(low & 0xff).toString(16).padStart(2, '0')}`;
}

export const net: Behaviour = {
  create: (ctx) => {
    addNetdev(ctx, ctx.dev, ctx.dev);
  },
};
