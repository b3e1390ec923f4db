// A network interface: what a NIC driver's probe registers (register_netdev).
// The kernel names it eth%d, the lowest number no interface has; udev then
// renames it to the name the rules give its PCI function (`enp5s0`).
import type { Kernel } from '../kernel';
import type { SimDevice } from '../state';
import type { Behaviour, ProbeContext } from './context';

const ETH = 'netdev:eth';

/** A netdev under `parent`, created by `owner`'s binding. */
export function addNetdev(ctx: Pick<ProbeContext, 'k' | 'core'>, parent: SimDevice, owner: SimDevice): SimDevice {
  const { k } = ctx;
  const n = k.ida(ETH).alloc();
  const ifindex = k.nextIfindex();
  return ctx.core.add(k, {
    name: `eth${n}`, parent: parent.id, bus: null, cls: 'net', createdBy: owner.id, devnode: null,
    net: { ifindex, address: macFor(ifindex), mtu: 1500 },
    ids: [[ETH, n]],
  });
}

/** QEMU-style locally administered addresses, unique per interface. */
function macFor(ifindex: number): string {
  const low = (0x54 + ifindex) & 0xffff;
  return `52:54:00:12:${((low >> 8) & 0xff).toString(16).padStart(2, '0')}:${(low & 0xff).toString(16).padStart(2, '0')}`;
}

/** The name udev's rules give a new interface: its PCI function's, unless another interface has it. */
export function udevName(k: Kernel, netdev: SimDevice): string | null {
  const parent = netdev.parent === null ? undefined : k.findDevice(netdev.parent);
  const name = parent?.pci?.hw.netdev ?? null;
  return name === null || k.classMembers('net')?.has(name) ? null : name;
}

/**
 * dev_change_name() as udev asks for it: the `eth%d` number is free again
 * (dev_alloc_name() looks at current names), and a `move` uevent tells the
 * old path.
 */
export function renameNetdev(k: Kernel, netdev: SimDevice, name: string): void {
  if (netdev.cls !== 'net' || k.classMembers('net')?.has(name)) return;
  const old = k.devpath(netdev);
  for (const [ida, n] of netdev.ids ?? []) if (ida === ETH) k.ida(ida).free(n);
  netdev.ids = (netdev.ids ?? []).filter(([ida]) => ida !== ETH);
  k.rename(netdev, name);
  k.emitDevice('move', netdev, [`DEVPATH_OLD=${old}`]);
}

export const net: Behaviour = {
  create: (ctx) => {
    addNetdev(ctx, ctx.dev, ctx.dev);
  },
};
