// netdevsim's bus files (drivers/net/netdevsim/bus.c), as the test VM uses
// them: `new_device` "ID [PORTS [QUEUES]]", `del_device` "ID", `link_device`
// and `unlink_device`, and a device's `sriov_numvfs`.
import type { Errno } from '../errno';
import type { CoreOps } from './behaviours/context';
import type { Kernel } from './kernel';
import { kstrtouint, scanFields } from './parse';
import type { SimDevice } from './state';

/** NSIM_DEV_VF_PORT_INDEX_MAX: the most VFs a netdevsim device offers. */
const MAX_VFS = 128;

export function newDeviceStore(k: Kernel, core: CoreOps, text: string): Errno | null {
  const fields = scanFields(text, 3, 10).map((value) => Number(value & 0xffffffffn));
  if (fields.length === 0) return 'EINVAL';
  const [id = 0, ports = 1] = fields;
  // ida_alloc_range(id, id): a taken id has no room.
  if (!k.ida('netdevsim').take(id)) return 'ENOSPC';
  core.register(k, {
    name: `netdevsim${id}`, parent: null, bus: 'netdevsim', cls: null, createdBy: null, devnode: null,
    nsim: { nsimId: id, ports, numVfs: 0 }, ids: [['netdevsim', id]],
  });
  return null;
}

export function delDeviceStore(k: Kernel, core: CoreOps, text: string): Errno | null {
  const parsed = kstrtouint(text);
  if ('errno' in parsed) return parsed.errno;
  const dev = k.busDevices('netdevsim').find((candidate) => candidate.nsim?.nsimId === parsed.value);
  if (!dev) return 'ENOENT';
  core.unregister(k, dev);
  return null;
}

/**
 * link_device ("NETNSFD:IFIDX NETNSFD:IFIDX") and unlink_device ("NETNSFD:IFIDX")
 * name network namespaces by file descriptors of the writing process; the
 * simulation has no such files, so every write fails as an unknown fd does:
 * EINVAL (get_net_ns_by_fd() fails, or the text does not scan).
 */
export function nsimLinkStore(): Errno {
  return 'EINVAL';
}

/** nsim_bus_dev_numvfs_store(): no change when equal, EBUSY from one non-zero count to another. */
export function nsimNumvfsStore(dev: SimDevice, text: string): Errno | null {
  const nsim = dev.nsim;
  const parsed = kstrtouint(text);
  if ('errno' in parsed) return parsed.errno;
  if (!nsim || parsed.value === nsim.numVfs) return null;
  if (nsim.numVfs !== 0 && parsed.value !== 0) return 'EBUSY';
  if (parsed.value > MAX_VFS) return 'ENOMEM';
  nsim.numVfs = parsed.value;
  return null;
}
