// lspci (pciutils) as an oracle: run it on a sysfs tree and parse its
// machine-readable output (`-vmm -nn -k -D`), and the prog-if names that only
// the verbose terse line (`-v`) shows; and the inventory both sides are
// compared on (lspci's, and the same fields from a Snapshot).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Device } from '../../../../../src-shared/model';

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

const hex = (sysfsValue: string): string => sysfsValue.slice(2);

/** What lspci -vmm shows of a device, derived from Bindery's snapshot. */
export function inventoryOf(device: Device): Record<string, string | null> {
  const pci = device.pci;
  if (!pci) throw new Error(`${device.id} has no PCI part`);
  // lspci omits the subsystem for 0000 and ffff, and the revision when it is 0.
  const hasSubsystem = pci.subsystemVendor !== '0x0000' && pci.subsystemVendor !== '0xffff';
  return {
    slot: device.name,
    class: hex(pci.class).slice(0, 4),
    progIf: hex(pci.class).slice(4),
    vendor: hex(pci.vendor),
    device: hex(pci.device),
    subsystemVendor: hasSubsystem ? hex(pci.subsystemVendor) : null,
    subsystemDevice: hasSubsystem ? hex(pci.subsystemDevice) : null,
    revision: pci.revision === '0x00' ? null : hex(pci.revision),
    driver: device.driver,
    iommuGroup: device.iommuGroup === null ? null : String(device.iommuGroup),
  };
}

export function lspciInventory(args: string[]): Record<string, string | null>[] {
  return lspciMachine(args).map(({ slot, fields }) => ({
    slot,
    class: splitNumbered(fields.get('Class'))?.id ?? null,
    progIf: fields.get('ProgIf') ?? '00',
    vendor: splitNumbered(fields.get('Vendor'))?.id ?? null,
    device: splitNumbered(fields.get('Device'))?.id ?? null,
    subsystemVendor: splitNumbered(fields.get('SVendor'))?.id ?? null,
    subsystemDevice: splitNumbered(fields.get('SDevice'))?.id ?? null,
    revision: fields.get('Rev') ?? null,
    driver: fields.get('Driver') ?? null,
    iommuGroup: fields.get('IOMMUGroup') ?? null,
  }));
}
