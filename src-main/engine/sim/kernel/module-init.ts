// What module init functions create besides drivers: /dev/vfio/vfio, the
// vfio-pci `ids=` dynamic IDs, the vDPA simulators' management devices,
// VDUSE's control device, and the mdev sample parents.
import type { CoreOps } from './behaviours/context';
import { devnode } from './behaviours/devnodes';
import type { ModuleInit } from './behaviours/module-profiles';
import { SAMPLE_MDEV_PARENTS } from './behaviours/module-profiles';
import type { Kernel } from './kernel';
import { registerMdevParent } from './mdev';
import { scanFields } from './parse';
import type { ModuleRecord, PciDynId } from './state';

const PCI_ANY_ID = 0xffffffff;

/** vfio_pci_fill_ids(): "vendor:device[:subvendor[:subdevice[:class[:class_mask]]]]", comma-separated. */
function fillVfioIds(k: Kernel, core: CoreOps, ids: string): void {
  const driver = k.driver('pci', 'vfio-pci');
  if (!driver) return;
  for (const item of ids.split(',')) {
    const fields = scanFields(item, 6, 16, ':').map((value) => Number(value & 0xffffffffn));
    // Fewer than two fields: the kernel warns and skips the entry.
    if (fields.length < 2) continue;
    const id: PciDynId = {
      vendor: fields[0] ?? 0, device: fields[1] ?? 0, subvendor: fields[2] ?? PCI_ANY_ID, subdevice: fields[3] ?? PCI_ANY_ID,
      classCode: fields[4] ?? 0, classMask: fields[5] ?? 0, driverData: 0,
    };
    driver.dynids.push(id);
    core.attachDriver(k, driver);
  }
}

function virtualClassDevice(k: Kernel, core: CoreOps, cls: string, name: string, node: ReturnType<typeof devnode> | null): ReturnType<CoreOps['add']> {
  return core.add(k, { name, parent: null, bus: null, cls, createdBy: null, devnode: node });
}

export function runModuleInit(k: Kernel, core: CoreOps, init: ModuleInit, record: ModuleRecord): void {
  switch (init) {
    case 'vfio':
      virtualClassDevice(k, core, 'misc', 'vfio', devnode('misc', 196, 'vfio/vfio'));
      return;
    case 'vfio-pci-ids':
      fillVfioIds(k, core, record.params.ids ?? '');
      return;
    case 'vdpasim-net':
      core.add(k, { name: 'vdpasim_net', parent: null, bus: null, cls: null, createdBy: null, devnode: null });
      k.vdpaMgmt.push({ handle: 'vdpasim_net', kind: 'sim-net', vendorId: 0, classes: [1], attrs: ['mac', 'mtu', 'features'], maxVqs: 3, parent: null });
      return;
    case 'vdpasim-blk':
      core.add(k, { name: 'vdpasim_blk', parent: null, bus: null, cls: null, createdBy: null, devnode: null });
      k.vdpaMgmt.push({ handle: 'vdpasim_blk', kind: 'sim-blk', vendorId: 0, classes: [2], attrs: [], maxVqs: 1, parent: null });
      return;
    case 'vduse':
      virtualClassDevice(k, core, 'vduse', 'control', devnode('vduse', 0, 'vduse/control'));
      k.vdpaMgmt.push({ handle: 'vduse', kind: 'vduse', vendorId: 0, classes: [1, 2], attrs: ['features'], maxVqs: 0, parent: null });
      return;
    case 'mtty':
    case 'mdpy':
    case 'mbochs': {
      const parent = virtualClassDevice(k, core, init, init, null);
      registerMdevParent(k, parent, SAMPLE_MDEV_PARENTS[init]);
      return;
    }
  }
}
