// The modules a scenario's machine has, with the drivers each registers and
// their ID tables taken from the scenario's real modules.alias (read once
// per process). Modules come with their dependencies.
import fs from 'node:fs';
import path from 'node:path';
import type { AliasEntry } from '../../alias/alias-file';
import { parseAliasFile } from '../../alias/alias-file';
import { knownDriverName } from '../../alias/driver-name';
import type { DriverOfModule } from '../kernel/behaviours/module-profiles';
import { moduleProfile } from '../kernel/behaviours/module-profiles';
import type { CatalogModule, DriverDecl } from '../kernel/state';

const aliasFiles = new Map<string, ReadonlyMap<string, readonly AliasEntry[]>>();

/** modules.alias entries by module, in file order. */
export function aliasesByModule(file: string): ReadonlyMap<string, readonly AliasEntry[]> {
  let byModule = aliasFiles.get(file);
  if (!byModule) {
    const grouped = new Map<string, AliasEntry[]>();
    for (const entry of parseAliasFile(fs.readFileSync(file, 'utf8'), false, 0)) {
      const list = grouped.get(entry.module);
      if (list) list.push(entry);
      else grouped.set(entry.module, [entry]);
    }
    byModule = grouped;
    aliasFiles.set(file, byModule);
  }
  return byModule;
}

/** The bus a pattern's prefix names, for the buses the simulator models. */
function busOfPattern(pattern: string): string | null {
  const prefix = pattern.slice(0, pattern.indexOf(':'));
  switch (prefix) {
    case 'pci': case 'vfio_pci': return 'pci';
    case 'virtio': return 'virtio';
    case 'auxiliary': return 'auxiliary';
    case 'platform': return 'platform';
    default: return null;
  }
}

/** An auxiliary driver is `<module>.<name>`; its ID names `<parent module>.<name>`. */
function auxDriverName(module: string, pattern: string): string {
  const id = pattern.slice('auxiliary:'.length);
  return `${module}.${id.slice(id.lastIndexOf('.') + 1)}`;
}

function driverNameFor(module: string, bus: string, pattern: string): string {
  if (bus === 'auxiliary') return auxDriverName(module, pattern);
  if (bus === 'pci') return knownDriverName(module) ?? module;
  return module;
}

function declare(bus: string, name: string, patterns: readonly string[]): DriverDecl {
  return { bus, name, patterns, driverData: patterns.length > 0 ? [0] : [] };
}

/** The drivers a module registers, in registration order. */
export function driversOfModule(module: string, aliases: readonly AliasEntry[]): DriverDecl[] {
  const derived = new Map<string, { bus: string; name: string; patterns: string[] }>();
  for (const { pattern } of aliases) {
    const bus = busOfPattern(pattern);
    if (bus === null) continue;
    const name = driverNameFor(module, bus, pattern);
    const key = `${bus}/${name}`;
    const found = derived.get(key);
    if (found) found.patterns.push(pattern);
    else derived.set(key, { bus, name, patterns: [pattern] });
  }
  const declared: readonly DriverOfModule[] | undefined = moduleProfile(module).drivers;
  if (!declared) return [...derived.values()].map(({ bus, name, patterns }) => declare(bus, name, patterns));
  return declared.map(({ bus, name, patterns }) => {
    return declare(bus, name, derived.get(`${bus}/${name}`)?.patterns ?? patterns ?? []);
  });
}

/** The catalog for `modules` (and, transitively, their dependencies), in the order given. */
export function buildCatalog(modules: readonly string[], aliasFile: string): CatalogModule[] {
  const aliases = aliasesByModule(aliasFile);
  const order: string[] = [];
  const visit = (name: string): void => {
    const normalized = name.replaceAll('-', '_');
    if (order.includes(normalized)) return;
    order.push(normalized);
    for (const dep of moduleProfile(normalized).deps ?? []) visit(dep);
  };
  for (const module of modules) visit(module);
  return order.map((name) => ({
    name,
    deps: moduleProfile(name).deps ?? [],
    params: moduleProfile(name).params ?? {},
    drivers: driversOfModule(name, aliases.get(name) ?? []),
  }));
}

export function aliasFilePath(dataDir: string, name: string): string {
  return path.join(dataDir, 'modules-alias', name);
}
