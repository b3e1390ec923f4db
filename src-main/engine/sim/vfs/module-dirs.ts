// /sys/module: each loaded module (and each built-in one that has drivers or
// parameters) with `drivers/<bus>:<driver>` links and `parameters/`.
import type { Kernel } from '../kernel/kernel';
import { paramStore } from '../kernel/modules';
import type { ModuleRecord } from '../kernel/state';
import { objectUevent } from './bus-dirs';
import type { ViewContext } from './context';
import type { VDir, VNode } from './nodes';
import { RO, RW, lazyDir, link, mapDir, roFile } from './nodes';

function driversOf(k: Kernel, module: string): [string, VNode][] {
  const entries: [string, VNode][] = [];
  for (const bus of k.buses()) {
    for (const drv of k.drivers(bus.name)) {
      if (drv.module === module) entries.push([`${drv.bus}:${drv.name}`, link(`/sys/bus/${drv.bus}/drivers/${drv.name}`)]);
    }
  }
  return entries;
}

function parametersOf(k: Kernel, record: ModuleRecord): [string, VNode][] {
  const specs = k.catalog.find((module) => module.name === record.name)?.params ?? {};
  return Object.entries(specs)
    .filter(([, spec]) => spec.mode !== 0)
    .map(([name, spec]) => [name, {
      kind: 'file',
      mode: spec.mode,
      show: () => `${record.params[name] ?? spec.default}\n`,
      store: spec.mode === RW ? ({ text }) => paramStore(record, name, spec, text) : undefined,
    } satisfies VNode]);
}

function moduleDir(ctx: ViewContext, record: ModuleRecord): VDir {
  return mapDir(() => {
    const entries: [string, VNode][] = [
      ['drivers', mapDir(() => driversOf(ctx.k, record.name))],
      ['parameters', mapDir(() => parametersOf(ctx.k, record))],
    ];
    if (!record.builtin) {
      entries.push(['initstate', roFile(() => 'live\n')]);
      entries.push(['refcnt', { kind: 'file', mode: RO, show: () => '0\n' }]);
      entries.push(['uevent', objectUevent(ctx, `/module/${record.name}`, 'module')]);
    }
    return entries;
  });
}

export function moduleRoot(ctx: ViewContext): VDir {
  return lazyDir(() => ctx.k.modules.map((module) => module.name), (name) => {
    const record = ctx.k.module(name);
    return record ? moduleDir(ctx, record) : null;
  });
}
