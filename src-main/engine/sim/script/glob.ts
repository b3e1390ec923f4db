// Shell-style `*` in a boot step's path, expanded in sorted order the way a
// shell loop over /sys would (`for d in /sys/bus/pci/devices/*; do ...`).
import { fnmatch } from '../../alias/fnmatch';
import type { SimMachine } from '../machine';

export function expandPath(machine: SimMachine, pattern: string): string[] {
  let paths = [''];
  for (const part of pattern.split('/').filter((p) => p !== '')) {
    const next: string[] = [];
    for (const dir of paths) {
      if (!/[*?[]/.test(part)) {
        next.push(`${dir}/${part}`);
        continue;
      }
      const names = machine.list(dir === '' ? '/' : dir);
      if (names.ok) for (const name of names.value) if (fnmatch(part, name)) next.push(`${dir}/${name}`);
    }
    paths = next;
  }
  return paths.filter((p) => machine.exists(p) || !/[*?[]/.test(pattern));
}
