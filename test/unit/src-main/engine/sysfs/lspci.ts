// lspci (pciutils) as an oracle: run it on a sysfs tree and parse its
// machine-readable output (`-vmm -nn -k -D`), and the prog-if names that only
// the verbose terse line (`-v`) shows.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface LspciRecord {
  readonly slot: string;
  readonly fields: ReadonlyMap<string, string>;
}

/** `-O sysfs.path=` wants the PCI bus directory, not the root or `sys/`. */
export function sysfsArgs(root: string): string[] {
  return path.resolve(root) === '/' ? [] : ['-O', `sysfs.path=${path.join(root, 'sys/bus/pci')}`];
}

/** Names from exactly this file: no udev hwdb fallback, no network. */
export function idsArgs(idsFile: string): string[] {
  return ['-i', idsFile, '-O', 'hwdb.disable=1'];
}

function run(args: string[]): string {
  return execFileSync('lspci', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

export function lspciMachine(args: string[]): LspciRecord[] {
  return run(['-vmm', '-nn', '-k', '-D', ...args])
    .split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const match = /^(\w+):\t(.*)$/.exec(line);
        if (match?.[1] && match[2] !== undefined && !fields.has(match[1])) fields.set(match[1], match[2]);
      }
      return { slot: fields.get('Slot') ?? '', fields };
    });
}

/** `Intel Corporation [8086]` -> name and number. */
export function splitNumbered(value: string | undefined): { name: string; id: string } | null {
  const match = value === undefined ? null : /^(.*) \[([0-9a-f]+)\]$/.exec(value);
  return match?.[1] !== undefined && match[2] !== undefined ? { name: match[1], id: match[2] } : null;
}

/** Prog-if names by slot, from `(prog-if 02 [NVM Express])`; null where lspci shows none. */
export function lspciProgIfNames(args: string[]): Map<string, string | null> {
  const names = new Map<string, string | null>();
  for (const line of run(['-v', '-D', ...args]).split('\n')) {
    const slot = /^([0-9a-f]{4,}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]) /.exec(line)?.[1];
    if (slot === undefined) continue;
    names.set(slot, / \(prog-if [0-9a-f]{2} \[(.*)\]\)$/.exec(line)?.[1] ?? null);
  }
  return names;
}
