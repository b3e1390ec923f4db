// A PCI function's attributes (kernel-abi.md 3.2, 3.3) with their exact
// formats and visibility: IDs as `0x%04x`, `config` bytes, `remove` and
// `rescan` hidden on VFs, `reset`/`reset_method` only with reset methods,
// `boot_vga` only on VGA devices, bus numbers only on bridges.
import { driverProfile } from '../../kernel/behaviours/driver-profiles';
import { hex } from '../../kernel/modalias';
import { configBytes, resourceText } from '../../kernel/pci/config';
import { pciRemoveStore, rescanStore } from '../../kernel/pci/hotplug';
import { enableStore, numaNodeStore, resetMethodStore, resetStore } from '../../kernel/pci/misc-stores';
import type { SimDevice } from '../../kernel/state';
import type { ViewContext } from '../context';
import { RW, roFile, rwFile, woFile } from '../nodes';
import type { NodeOf } from './table';
import { attrTable } from './table';

const isVf = (dev: SimDevice): boolean => dev.pci?.physfn !== null && dev.pci?.physfn !== undefined;

function ids(dev: SimDevice): NonNullable<SimDevice['pci']>['hw']['ids'] {
  if (!dev.pci) throw new Error(`${dev.name} is not a PCI device`);
  return dev.pci.hw.ids;
}

const idFile = (digits: number, value: (dev: SimDevice) => number): NodeOf => (dev) => roFile(() => `0x${hex(value(dev), digits)}\n`);

/** enable_cnt: a bound driver that enables the device counts once (vfio-pci and pci-stub do not). */
function enableCount(dev: SimDevice): number {
  const pci = dev.pci;
  if (!pci) return 0;
  const bound = dev.driver !== null && dev.bus !== null;
  const enabling = bound && !(driverProfile('pci', dev.driver ?? '').creates ?? []).includes('vfio-pci') && dev.driver !== 'pci-stub';
  return pci.enableCount + (enabling ? 1 : 0);
}

const scopeOf = (dev: SimDevice): { domain: number; bus: number } => ({ domain: dev.pci?.hw.domain ?? 0, bus: dev.pci?.hw.bus ?? 0 });

export const PCI = attrTable((dev) => dev.pci !== undefined, {
  vendor: idFile(4, (dev) => ids(dev).vendor),
  device: idFile(4, (dev) => ids(dev).device),
  subsystem_vendor: idFile(4, (dev) => ids(dev).subsystemVendor),
  subsystem_device: idFile(4, (dev) => ids(dev).subsystemDevice),
  class: idFile(6, (dev) => ids(dev).classCode),
  revision: idFile(2, (dev) => ids(dev).revision),
  // Writes reach the device's config space, which the simulation does not keep.
  config: (dev) => ({ kind: 'file', mode: RW, show: () => (dev.pci ? configBytes(dev.pci.hw) : new Uint8Array()), store: () => null }),
  irq: () => roFile(() => '0\n'),
  resource: (dev) => roFile(() => (dev.pci ? resourceText(dev.pci.hw) : '')),
  enable: (dev) => rwFile(() => `${enableCount(dev)}\n`, ({ text }) => enableStore(dev, text)),
  numa_node: (dev) => rwFile(() => `${dev.pci?.numaNode ?? -1}\n`, ({ text }) => numaNodeStore(dev, text)),
  local_cpus: () => roFile(() => '3\n'),
  remove: (dev, ctx: ViewContext) => (isVf(dev) ? null : woFile(({ text }) => pciRemoveStore(ctx.k, ctx.core, dev, text), 0o220)),
  rescan: (dev, ctx: ViewContext) => (isVf(dev) ? null : woFile(({ text }) => rescanStore(ctx.k, ctx.core, text, scopeOf(dev)))),
  reset: (dev) => ((dev.pci?.hw.resetMethods.length ?? 0) > 0 ? woFile(({ text }) => resetStore(dev, text)) : null),
  reset_method: (dev) => ((dev.pci?.hw.resetMethods.length ?? 0) > 0
    ? rwFile(() => `${dev.pci?.resetMethods.join(' ') ?? ''}\n`, ({ text }) => resetMethodStore(dev, text))
    : null),
  boot_vga: (dev) => ((ids(dev).classCode >> 8) === 0x0300 ? roFile(() => (dev.pci?.hw.bootVga ? '1\n' : '0\n')) : null),
  secondary_bus_number: (dev) => (dev.pci?.hw.bridge ? roFile(() => `${dev.pci?.hw.bridge?.secondary}\n`) : null),
  subordinate_bus_number: (dev) => (dev.pci?.hw.bridge ? roFile(() => `${dev.pci?.hw.bridge?.subordinate}\n`) : null),
});
