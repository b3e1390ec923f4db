// driverctl's overrides (/etc/driverctl.d/<bus>-<device>, each holding a
// driver name), shown so people see what already keeps their devices, and
// importable: each PCI override becomes a persist request to the helper, with
// the card's IDs read now so the kept entry names exactly this card.
import fs from 'node:fs';
import path from 'node:path';
import type { DeviceId } from '../../../src-shared/model';
import { isDriverName, parseDeviceId } from '../ops/operation-target';
import { requestChange } from '../ops/privileged/change-route';
import type { ChangeRoute } from '../ops/privileged/change-route';
import type { HelperAnswer } from '../ops/privileged/protocol';
import { realSysfs } from '../ops/sysfs-guard';
import { readPciIds } from './pci-identity';

export const DRIVERCTL_DIR = '/etc/driverctl.d';

export interface DriverctlOverride {
  readonly device: DeviceId;
  readonly driver: string;
}

export interface DriverctlListing {
  readonly overrides: readonly DriverctlOverride[];
  /** Files that are not overrides Bindery understands, with why. */
  readonly problems: readonly string[];
}

/** `pci-0000:01:00.0` as `pci/0000:01:00.0`; bus names never hold `-` here except `fsl-mc`. */
function deviceOfFile(name: string): DeviceId | null {
  const bus = name.startsWith('fsl-mc-') ? 'fsl-mc' : name.slice(0, name.indexOf('-'));
  const id = `${bus}/${name.slice(bus.length + 1)}`;
  return bus !== '' && parseDeviceId(id) !== null ? id : null;
}

/** The overrides driverctl keeps under the root; read as any user. */
export function readDriverctlOverrides(root: string): DriverctlListing {
  const dir = path.join(root, DRIVERCTL_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    return { overrides: [], problems: [] };
  }
  const overrides: DriverctlOverride[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const device = deviceOfFile(name);
    let driver = '';
    try {
      const file = path.join(dir, name);
      if (fs.statSync(file).size <= 256) driver = fs.readFileSync(file, 'utf8').trim();
    } catch {
      // Reported below as not an override.
    }
    if (device !== null && isDriverName(driver)) overrides.push({ device, driver });
    else problems.push(`${path.join(DRIVERCTL_DIR, name)} is not a driverctl override Bindery understands.`);
  }
  return { overrides, problems };
}

export type DriverctlImport =
  | { readonly override: DriverctlOverride; readonly answer: HelperAnswer }
  | { readonly override: DriverctlOverride; readonly skipped: string };

/** Keeps every PCI override with Bindery too, one persist request each (root: where sysfs and driverctl.d are read). */
export async function importDriverctlOverrides(root: string, route: ChangeRoute): Promise<DriverctlImport[]> {
  const imports: DriverctlImport[] = [];
  const sys = realSysfs(root);
  for (const override of readDriverctlOverrides(root).overrides) {
    const parsed = parseDeviceId(override.device);
    if (parsed?.bus !== 'pci') {
      imports.push({ override, skipped: 'Bindery keeps PCI devices only.' });
      continue;
    }
    const ids = readPciIds(root, sys, parsed.name);
    if (ids === null) {
      imports.push({ override, skipped: `There is no device ${override.device} now, so its IDs are unknown.` });
      continue;
    }
    const answer = await requestChange(route, { verb: 'persist', device: parsed.name, driver: override.driver, ids });
    imports.push({ override, answer });
  }
  return imports;
}
