// PCI dynamic IDs (kernel-abi.md 1.9): new_id's field parsing, its EEXIST
// and driver_data checks, the driver_attach that ignores autoprobe, and
// remove_id's first-match removal.
import type { Errno } from '../../errno';
import type { CoreOps } from '../behaviours/context';
import type { Kernel } from '../kernel';
import { hasStaticTable, pciIdsMatch } from '../match';
import { scanFields } from '../parse';
import type { DriverRecord, PciDynId } from '../state';

const PCI_ANY_ID = 0xffffffff;
const U32 = 0xffffffffn;

/** new_id_store(): "VVVV DDDD [SVVV SDDD CCCC MMMM PPPP]". */
export function newIdStore(k: Kernel, core: CoreOps, drv: DriverRecord, text: string): Errno | null {
  const fields = scanFields(text, 7, 16);
  if (fields.length < 2) return 'EINVAL';
  const u32 = (i: number, fallback: number): number => (fields[i] === undefined ? fallback : Number((fields[i] as bigint) & U32));
  const id: PciDynId = {
    vendor: u32(0, 0), device: u32(1, 0), subvendor: u32(2, PCI_ANY_ID), subdevice: u32(3, PCI_ANY_ID),
    classCode: u32(4, 0), classMask: u32(5, 0), driverData: Number(fields[6] ?? 0n),
  };
  if (fields.length !== 7) {
    // A fake device with these IDs (16-bit fields, so PCI_ANY_ID reads 0xffff) must match nothing yet.
    const fake = {
      vendor: id.vendor & 0xffff, device: id.device & 0xffff, subsystemVendor: id.subvendor & 0xffff,
      subsystemDevice: id.subdevice & 0xffff, classCode: id.classCode & 0xffffff, revision: 0,
    };
    if (pciIdsMatch(drv, fake)) return 'EEXIST';
  }
  if (hasStaticTable(drv) && !drv.driverData.includes(id.driverData)) return 'EINVAL';
  drv.dynids.push(id);
  core.attachDriver(k, drv);
  return null;
}

/** remove_id_store(): "VVVV DDDD [SVVV SDDD CCCC MMMM]"; the first matching dynamic ID goes. */
export function removeIdStore(drv: DriverRecord, text: string): Errno | null {
  const fields = scanFields(text, 6, 16);
  if (fields.length < 2) return 'EINVAL';
  const u32 = (i: number, fallback: number): number => (fields[i] === undefined ? fallback : Number((fields[i] as bigint) & U32));
  const [vendor, device, subvendor, subdevice, classCode, classMask] =
    [u32(0, 0), u32(1, 0), u32(2, PCI_ANY_ID), u32(3, PCI_ANY_ID), u32(4, 0), u32(5, 0)];
  const at = drv.dynids.findIndex((id) => id.vendor === vendor && id.device === device
    && (subvendor === PCI_ANY_ID || id.subvendor === subvendor)
    && (subdevice === PCI_ANY_ID || id.subdevice === subdevice)
    && ((id.classCode ^ classCode) & classMask) === 0);
  if (at < 0) return 'ENODEV';
  drv.dynids.splice(at, 1);
  return null;
}
