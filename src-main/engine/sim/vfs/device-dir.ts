// A device's directory under /sys/devices: its attribute groups, `virtfnN`
// links of a PF, child devices, class glue directories (`net/`, `nvme/`...),
// and /sys/devices itself with `virtual/<class>/` for devices without a parent.
import type { SimDevice } from '../kernel/state';
import { BUS_DEVICE, CLASS_DEVICE, COMMON, plainAttrs } from './attributes/common';
import { MDEV_DEVICE, MDEV_PARENT } from './attributes/mdev';
import { AUX, NET, NETDEVSIM, VIRTIO } from './attributes/other-devices';
import { PCI } from './attributes/pci';
import { SRIOV_PF, SRIOV_VF, virtfnLink, virtfnLinks } from './attributes/sriov';
import type { AttrTable } from './attributes/table';
import type { ViewContext } from './context';
import type { VDir, VNode } from './nodes';
import { lazyDir } from './nodes';

const TABLES: readonly AttrTable[] = [
  COMMON, BUS_DEVICE, CLASS_DEVICE, PCI, SRIOV_PF, SRIOV_VF, MDEV_PARENT, MDEV_DEVICE, NET, VIRTIO, AUX, NETDEVSIM,
];

function attribute(dev: SimDevice, ctx: ViewContext, name: string): VNode | null {
  for (const table of TABLES) {
    const nodeOf = table.byName.get(name);
    if (nodeOf && table.applies(dev)) {
      const node = nodeOf(dev, ctx);
      if (node) return node;
    }
  }
  if (dev.cls !== null && dev.attrs?.[name] !== undefined) return plainAttrs(dev).find(([key]) => key === name)?.[1] ?? null;
  return dev.pci?.sriov ? virtfnLink(dev, ctx, name) : null;
}

function attributes(dev: SimDevice, ctx: ViewContext): [string, VNode][] {
  const found: [string, VNode][] = [];
  for (const table of TABLES) {
    if (!table.applies(dev)) continue;
    for (const [name, nodeOf] of table.byName) {
      const node = nodeOf(dev, ctx);
      if (node) found.push([name, node]);
    }
  }
  if (dev.cls !== null) found.push(...plainAttrs(dev));
  found.push(...virtfnLinks(dev, ctx));
  return found;
}

function glueDir(ctx: ViewContext, parent: SimDevice, cls: string): VDir {
  return lazyDir(
    () => ctx.k.glueMembers(parent.id, cls)?.keys() ?? [],
    (name) => {
      const id = ctx.k.glueMembers(parent.id, cls)?.get(name);
      return id === undefined ? null : deviceDir(ctx, ctx.k.device(id));
    },
  );
}

export function deviceDir(ctx: ViewContext, dev: SimDevice): VDir {
  const { k } = ctx;
  return {
    kind: 'dir',
    lookup: (name) => {
      const own = attribute(dev, ctx, name);
      if (own) return own;
      const child = k.directChild(dev.id, name);
      if (child) return deviceDir(ctx, child);
      return k.glueMembers(dev.id, name) ? glueDir(ctx, dev, name) : null;
    },
    entries: function* entries() {
      yield* attributes(dev, ctx);
      for (const child of k.directChildren(dev.id)) yield [child.name, deviceDir(ctx, child)] as const;
      for (const cls of k.glueClasses(dev.id)) yield [cls, glueDir(ctx, dev, cls)] as const;
    },
  };
}

function virtualDir(ctx: ViewContext): VDir {
  return lazyDir(
    () => ctx.k.virtualClasses(),
    (cls) => {
      if (!ctx.k.virtualMembers(cls)) return null;
      return lazyDir(
        () => ctx.k.virtualMembers(cls)?.keys() ?? [],
        (name) => {
          const id = ctx.k.virtualMembers(cls)?.get(name);
          return id === undefined ? null : deviceDir(ctx, ctx.k.device(id));
        },
      );
    },
  );
}

/** /sys/devices: top-level devices and `virtual/`. */
export function devicesRoot(ctx: ViewContext): VDir {
  return {
    kind: 'dir',
    lookup: (name) => {
      if (name === 'virtual') return virtualDir(ctx);
      const dev = ctx.k.directChild(null, name);
      return dev ? deviceDir(ctx, dev) : null;
    },
    entries: function* entries() {
      for (const dev of ctx.k.directChildren(null)) yield [dev.name, deviceDir(ctx, dev)] as const;
      yield ['virtual', virtualDir(ctx)] as const;
    },
  };
}
