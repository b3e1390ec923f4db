// modprobe on the simulated machine: a module name (`-` and `_` alike) or a
// modalias resolved against the modules the machine has (kmod matching over
// their alias patterns, every match loaded), dependencies first, parameters
// checked, then the module's init: buses, classes, drivers (each attaching
// unbound devices when autoprobe is on), what its init creates, and last the
// module's own `add` uevent (kernel-abi.md 7.4).
import { kmodMatch } from '../../alias/kmod-match';
import { aliasNormalize } from '../../alias/normalize';
import type { Errno } from '../errno';
import type { CoreOps } from './behaviours/context';
import { moduleProfile } from './behaviours/module-profiles';
import { runModuleInit } from './module-init';
import type { Kernel } from './kernel';
import { registerReadyParents } from './mdev';
import { kstrtobool, kstrtoint, kstrtouint } from './parse';
import type { CatalogModule, ModuleRecord, ParamSpec } from './state';

/** The modules a name or modalias stands for, in catalog order; empty when none. */
export function resolveModules(k: Kernel, name: string): string[] {
  const key = aliasNormalize(name);
  if (key === null) return [];
  if (k.catalog.some((module) => module.name === key) || k.module(key)) return [key];
  return k.catalog
    .filter((module) => module.drivers.some((driver) => driver.patterns.some((pattern) => {
      const normalized = aliasNormalize(pattern);
      return normalized !== null && kmodMatch(normalized, key);
    })))
    .map((module) => module.name);
}

/** param_set_*(): the value as sysfs will print it, or EINVAL. */
function paramValue(spec: ParamSpec, value: string): string | Errno {
  switch (spec.type) {
    case 'bool': {
      if (value === '') return 'Y';
      const parsed = kstrtobool(value);
      return 'errno' in parsed ? 'EINVAL' : parsed.value ? 'Y' : 'N';
    }
    case 'int': {
      const parsed = kstrtoint(value);
      return 'errno' in parsed ? 'EINVAL' : String(parsed.value);
    }
    case 'uint': {
      const parsed = kstrtouint(value);
      return 'errno' in parsed ? 'EINVAL' : String(parsed.value);
    }
    case 'string':
      return value;
  }
}

/** Writing /sys/module/<m>/parameters/<p>: the type's parser (param_set_bool...), one trailing newline allowed. */
export function paramStore(record: ModuleRecord, name: string, spec: ParamSpec, text: string): Errno | null {
  const value = paramValue(spec, text.endsWith('\n') ? text.slice(0, -1) : text);
  if (value === 'EINVAL') return value;
  record.params[name] = value;
  return null;
}

/** Parameter values for a load: defaults, then the given ones; unknown names are ignored, as the kernel does. */
function paramsFor(module: CatalogModule, given: Readonly<Record<string, string>>): Record<string, string> | Errno {
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(module.params)) values[name] = spec.default;
  for (const [name, raw] of Object.entries(given)) {
    const spec = module.params[name];
    if (!spec) continue;
    const value = paramValue(spec, raw);
    if (value === 'EINVAL') return value;
    values[name] = value;
  }
  return values;
}

function load(k: Kernel, core: CoreOps, name: string, given: Readonly<Record<string, string>>, loading: Set<string>): Errno | null {
  if (k.module(name) || loading.has(name)) return null;
  const module = k.catalog.find((candidate) => candidate.name === name);
  if (!module) return 'ENOENT';
  loading.add(name);
  for (const dep of module.deps) {
    const failed = load(k, core, dep, {}, loading);
    if (failed) return failed;
  }
  const params = paramsFor(module, given);
  if (typeof params === 'string') return params;
  const record: ModuleRecord = { name, builtin: false, params };
  k.modules.push(record);
  initModule(k, core, module, record);
  k.emitObject('add', `/module/${name}`, 'module');
  return null;
}

/** What a module's init does, for loaded and built-in modules alike (no module `add` uevent). */
export function initModule(k: Kernel, core: CoreOps, module: CatalogModule, record: ModuleRecord): void {
  const profile = moduleProfile(module.name);
  for (const bus of profile.buses ?? []) {
    if (k.bus(bus)) continue;
    k.addBus(bus);
    k.emitObject('add', `/bus/${bus}`, 'bus');
  }
  for (const cls of profile.classes ?? []) {
    if (k.classes.includes(cls)) continue;
    k.classes.push(cls);
    // class_compat_register() (mdev_bus) makes a bare kobject: no uevent.
    if (cls !== 'mdev_bus') k.emitObject('add', `/class/${cls}`, 'class');
  }
  for (const driver of module.drivers) {
    core.registerDriver(k, { ...driver, module: record.name, dynids: [] });
  }
  for (const init of profile.init ?? []) runModuleInit(k, core, init, record);
  if (module.drivers.some((driver) => driver.bus === 'mdev')) {
    registerReadyParents(k, k.busDevices('pci').filter((dev) => dev.pci?.hw.mdev));
  }
}

/** `modprobe NAME [param=value...]`: ENOENT when nothing by that name or alias exists. */
export function modprobe(k: Kernel, core: CoreOps, name: string, params: Readonly<Record<string, string>> = {}): Errno | null {
  const modules = resolveModules(k, name);
  if (modules.length === 0) return 'ENOENT';
  for (const module of modules) {
    // A built-in module is already "loaded".
    if (k.module(module)) continue;
    const failed = load(k, core, module, params, new Set());
    if (failed) return failed;
  }
  return null;
}
