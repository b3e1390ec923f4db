// Writes a simulated machine's /sys as a real directory tree under
// DIR/sys: directories, attribute files with their content and mode (a file
// that cannot be read is written empty), relative symlinks as the kernel
// makes them. scanSysfs({ root: DIR }) and `lspci -O sysfs.path=DIR/sys/bus/pci`
// then read the same machine.
import fs from 'node:fs';
import path from 'node:path';
import type { SimMachine } from '../machine';

function writeTree(machine: SimMachine, simPath: string, realPath: string, umask: number): void {
  fs.mkdirSync(realPath, { recursive: true });
  const names = machine.list(simPath);
  if (!names.ok) return;
  for (const name of names.value) {
    const from = `${simPath}/${name}`;
    const to = path.join(realPath, name);
    const stat = machine.stat(from);
    if (!stat.ok) continue;
    if (stat.value.kind === 'dir') {
      writeTree(machine, from, to, umask);
    } else if (stat.value.kind === 'link') {
      const target = machine.readLink(from);
      if (target.ok) fs.symlinkSync(target.value, to);
    } else {
      const content = machine.readBytes(from);
      const { mode } = stat.value;
      fs.writeFileSync(to, content.ok ? content.value : new Uint8Array(), { mode });
      // The process umask must not change the kernel's modes (0220 of `remove`).
      if ((mode & umask) !== 0) fs.chmodSync(to, mode);
    }
  }
}

/** Writes the machine's current /sys to `dir`/sys (which must not exist yet). */
export function materialize(machine: SimMachine, dir: string): void {
  const target = path.join(dir, 'sys');
  if (fs.existsSync(target)) throw new Error(`${target} already exists`);
  const umask = process.umask();
  writeTree(machine, '/sys', target, umask);
}
