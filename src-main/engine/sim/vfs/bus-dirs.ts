// /sys/bus (kernel-abi.md 1.1): each bus's devices/ links, drivers/ with
// bind, unbind, new_id, remove_id, the `module` link and a link per bound
// device, and the bus files drivers_autoprobe, drivers_probe, uevent, plus
// PCI's rescan and netdevsim's new_device, del_device, link_device and unlink_device.
import {
  bindStore, driversAutoprobeStore, driversProbeStore, unbindStore,
} from '../kernel/driver-core';
import { delDeviceStore, newDeviceStore, nsimLinkStore } from '../kernel/netdevsim-bus';
import { rescanStore } from '../kernel/pci/hotplug';
import { newIdStore, removeIdStore } from '../kernel/pci/new-id';
import type { DriverRecord } from '../kernel/state';
import { parseSyntheticUevent } from '../kernel/synthetic-uevent';
import type { ViewContext } from './context';
import { devicePath } from './context';
import type { StoreInput, VDir, VNode } from './nodes';
import { EMPTY_DIR, lazyDir, link, rwFile, woFile } from './nodes';

/** A `uevent` file of a kobject that is not a device (bus, driver, module). */
export function objectUevent(ctx: ViewContext, devpath: string, subsystem: string): VNode {
  return woFile(({ text }: StoreInput) => {
    const parsed = parseSyntheticUevent(text);
    if ('errno' in parsed) return parsed.errno;
    ctx.k.emitObject(parsed.action, devpath, subsystem, parsed.keys);
    return null;
  });
}

function driverDir(ctx: ViewContext, drv: DriverRecord): VDir {
  const { k } = ctx;
  const files = (): [string, VNode][] => {
    const entries: [string, VNode][] = [
      ['bind', woFile(({ text }) => bindStore(k, drv, text))],
      ['unbind', woFile(({ text }) => unbindStore(k, drv, text))],
      ['uevent', objectUevent(ctx, `/bus/${drv.bus}/drivers/${drv.name}`, 'drivers')],
    ];
    if (drv.module !== null) entries.push(['module', link(`/sys/module/${drv.module}`)]);
    if (drv.bus === 'pci') {
      entries.push(['new_id', woFile(({ text }) => newIdStore(k, ctx.core, drv, text))]);
      entries.push(['remove_id', woFile(({ text }) => removeIdStore(drv, text))]);
    }
    return entries;
  };
  return {
    kind: 'dir',
    lookup: (name) => {
      const file = files().find(([fileName]) => fileName === name);
      if (file) return file[1];
      const dev = k.busDevice(drv.bus, name);
      return dev && dev.driver === drv.name ? link(devicePath(ctx, dev)) : null;
    },
    entries: function* entries() {
      yield* files();
      for (const dev of k.boundTo(drv.bus, drv.name)) yield [dev.name, link(devicePath(ctx, dev))] as const;
    },
  };
}

function busDir(ctx: ViewContext, bus: string): VDir {
  const { k } = ctx;
  const devices = lazyDir(() => k.busDeviceNames(bus), (name) => {
    const dev = k.busDevice(bus, name);
    return dev ? link(devicePath(ctx, dev)) : null;
  });
  const drivers = lazyDir(() => k.drivers(bus).map((drv) => drv.name), (name) => {
    const drv = k.driver(bus, name);
    return drv ? driverDir(ctx, drv) : null;
  });
  const children = (): [string, VNode][] => {
    const entries: [string, VNode][] = [
      ['devices', devices],
      ['drivers', drivers],
      ['drivers_autoprobe', rwFile(() => (k.bus(bus)?.autoprobe ? '1\n' : '0\n'), ({ text }) => driversAutoprobeStore(k, bus, text))],
      ['drivers_probe', woFile(({ text }) => driversProbeStore(k, bus, text))],
      ['uevent', objectUevent(ctx, `/bus/${bus}`, 'bus')],
    ];
    if (bus === 'pci') {
      entries.push(['rescan', woFile(({ text }) => rescanStore(k, ctx.core, text, null))]);
      entries.push(['resource_alignment', rwFile(() => '\n', () => null)]);
      entries.push(['slots', EMPTY_DIR]);
    }
    if (bus === 'netdevsim') {
      entries.push(['new_device', woFile(({ text }) => newDeviceStore(k, ctx.core, text))]);
      entries.push(['del_device', woFile(({ text }) => delDeviceStore(k, ctx.core, text))]);
      entries.push(['link_device', woFile(nsimLinkStore)]);
      entries.push(['unlink_device', woFile(nsimLinkStore)]);
    }
    return entries;
  };
  return {
    kind: 'dir',
    lookup: (name) => children().find(([childName]) => childName === name)?.[1] ?? null,
    entries: children,
  };
}

export function busRoot(ctx: ViewContext): VDir {
  return lazyDir(() => [...ctx.k.buses()].map((bus) => bus.name), (name) => (ctx.k.bus(name) ? busDir(ctx, name) : null));
}
