// A sysfs root with just /sys/module/<m>/drivers/<bus>:<driver> entries, as a
// running kernel shows loaded modules.
import fs from 'node:fs';
import path from 'node:path';

/** `modules`: module name to its `<bus>:<driver>` entries (empty: loaded, no drivers directory). */
export function writeSysModules(root: string, modules: Readonly<Record<string, readonly string[]>>): void {
  for (const [module, drivers] of Object.entries(modules)) {
    const dir = path.join(root, 'sys', 'module', module);
    fs.mkdirSync(dir, { recursive: true });
    for (const driver of drivers) {
      fs.mkdirSync(path.join(dir, 'drivers'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'drivers', driver), '');
    }
  }
}
