// What every device directory has (kernel-abi.md 1.1): `uevent` (read: its
// keys; write: a synthetic event), `power/`, and for bus devices the
// `subsystem`, `driver`, `driver_override`, `modalias` and `iommu_group`
// entries; class devices link their `device` and show `dev`.
import { setDriverOverride } from '../../kernel/driver-core';
import { busType } from '../../kernel/buses';
import { deviceUeventKeys, modaliasOf } from '../../kernel/modalias';
import type { SimDevice } from '../../kernel/state';
import { parseSyntheticUevent } from '../../kernel/synthetic-uevent';
import { devicePath } from '../context';
import { link, mapDir, roFile, rwFile } from '../nodes';
import { attrTable } from './table';

const lines = (keys: readonly string[]): string => keys.map((key) => `${key}\n`).join('');

const POWER = mapDir(() => [
  ['control', rwFile(() => 'auto\n', ({ text }) => (/^(auto|on)\n?$/.test(text) ? null : 'EINVAL'))],
]);

export const COMMON = attrTable(() => true, {
  uevent: (dev, ctx) => rwFile(() => lines(deviceUeventKeys(dev)), ({ text }) => {
    const parsed = parseSyntheticUevent(text);
    if ('errno' in parsed) return parsed.errno;
    ctx.k.emitDevice(parsed.action, dev, parsed.keys);
    return null;
  }),
  power: () => POWER,
  subsystem: (dev) => {
    if (dev.bus !== null) return link(`/sys/bus/${dev.bus}`);
    return dev.cls === null ? null : link(`/sys/class/${dev.cls}`);
  },
  dev: (dev) => (dev.devnode ? roFile(() => `${dev.devnode?.major}:${dev.devnode?.minor}\n`) : null),
});

export const BUS_DEVICE = attrTable((dev) => dev.bus !== null, {
  driver: (dev) => (dev.driver === null ? null : link(`/sys/bus/${dev.bus}/drivers/${dev.driver}`)),
  driver_override: (dev) => (dev.bus !== null && busType(dev.bus).override
    ? rwFile(() => `${dev.override ?? '(null)'}\n`, ({ text, count }) => setDriverOverride(dev, text, count))
    : null),
  modalias: (dev) => {
    const modalias = modaliasOf(dev);
    return dev.bus !== null && busType(dev.bus).modaliasFile && modalias !== null ? roFile(() => `${modalias}\n`) : null;
  },
  iommu_group: (dev) => (dev.group === null ? null : link(`/sys/kernel/iommu_groups/${dev.group}`)),
});

const numbered = (dev: SimDevice, name: string): string | undefined => dev.attrs?.[name];

export const CLASS_DEVICE = attrTable((dev) => dev.cls !== null, {
  device: (dev, ctx) => {
    const parent = dev.parent === null ? undefined : ctx.k.findDevice(dev.parent);
    return parent ? link(devicePath(ctx, parent)) : null;
  },
});

/** Attributes of class devices kept as plain text (a disk's `size`, a controller's `serial`). */
export function plainAttrs(dev: SimDevice): [string, ReturnType<typeof roFile>][] {
  return Object.keys(dev.attrs ?? {}).map((name) => [name, roFile(() => `${numbered(dev, name) ?? ''}\n`)]);
}
