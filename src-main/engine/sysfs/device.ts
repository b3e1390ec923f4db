// One bus device, read from its directory: what every bus has (modalias,
// driver, override, IOMMU group, class devices) plus the PCI or USB part.
import type { Device, PciInfo, UsbInfo } from '../../../src-shared/model';
import type { IdDatabase } from '../ids/id-database';
import { readNumberedLink } from './attribute-values';
import { readClassDevices } from './class-devices';
import { namesOf } from './device-names';
import type { FoundDevice } from './discover';
import type { DriverModules } from './drivers';
import { readPci } from './pci';
import type { SysfsTree } from './sysfs-tree';
import { readUsb } from './usb';

export interface DeviceContext {
  readonly tree: SysfsTree;
  readonly modules: DriverModules;
  readonly ids: IdDatabase | undefined;
}

/** `MODALIAS=` of the uevent file: auxiliary devices, for one, have no `modalias` file. */
function modaliasOf(tree: SysfsTree, dir: string): string | null {
  const modalias = tree.text(dir, 'modalias');
  if (modalias !== null) return modalias;
  const uevent = tree.text(dir, 'uevent');
  const line = uevent?.split('\n').find((l) => l.startsWith('MODALIAS='));
  return line === undefined ? null : line.slice('MODALIAS='.length);
}

/** The override's first line; the kernel prints `(null)` when none is set. */
function overrideOf(value: string | null): string | null {
  const first = value?.split('\n', 1)[0] ?? '';
  return first === '' || first === '(null)' ? null : first;
}

/** The device with `parent` still null (parents are known once every device is); null if it vanished. */
export function readDevice(ctx: DeviceContext, found: FoundDevice): Device | null {
  const { tree } = ctx;
  const { bus, name, dir } = found;
  // Listing first lets every absent optional attribute be answered without a syscall.
  if (tree.entries(dir) === null && tree.isGone(dir)) return null;
  let pci: PciInfo | null = null;
  let usb: UsbInfo | null = null;
  if (bus === 'pci') {
    const info = readPci(tree, dir);
    if (info === 'vanished') return null;
    pci = info;
  } else if (bus === 'usb') {
    const info = readUsb(tree, dir);
    if (info === 'vanished') return null;
    usb = info;
  }
  const driver = tree.linkName(dir, 'driver');
  const override = tree.read(dir, 'driver_override');
  return {
    id: `${bus}/${name}`,
    bus,
    name,
    sysfsPath: tree.display(dir),
    parent: null,
    modalias: modaliasOf(tree, dir),
    driver,
    driverModule: driver === null ? null : ctx.modules.moduleOf(bus, driver),
    driverOverride: overrideOf(override.state === 'ok' ? override.value : null),
    supportsOverride: override.state !== 'absent',
    iommuGroup: readNumberedLink(tree, dir, 'iommu_group'),
    classDevices: readClassDevices(tree, dir),
    names: namesOf(ctx.ids, pci, usb),
    pci,
    usb,
  };
}
