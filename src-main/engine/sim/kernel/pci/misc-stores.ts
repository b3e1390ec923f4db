// The smaller PCI store handlers (kernel-abi.md 3.2, 3.3): reset and
// reset_method, enable, numa_node, and a VF's sriov_vf_msix_count.
import type { Errno } from '../../errno';
import { kstrtoint, kstrtoul, sysfsStreq } from '../parse';
import type { SimDevice } from '../state';

const RESET_METHODS = ['device_specific', 'acpi', 'flr', 'af_flr', 'pm', 'bus', 'cxl_bus'];
const MAX_METHODS = 7;

/** reset_store(): only 1; ENOTTY when no enabled method works. */
export function resetStore(dev: SimDevice, text: string): Errno | null {
  const value = kstrtoul(text);
  if ('errno' in value || value.value !== 1n) return 'EINVAL';
  return (dev.pci?.resetMethods.length ?? 0) > 0 ? null : 'ENOTTY';
}

/** reset_method_store(): "" disables all, "default" re-probes, else an ordered list of supported names. */
export function resetMethodStore(dev: SimDevice, text: string): Errno | null {
  const pci = dev.pci;
  if (!pci) return 'EINVAL';
  if (sysfsStreq(text, '')) {
    pci.resetMethods = [];
    return null;
  }
  if (sysfsStreq(text, 'default')) {
    pci.resetMethods = [...pci.hw.resetMethods];
    return null;
  }
  const chosen: string[] = [];
  for (const part of text.split(' ')) {
    if (sysfsStreq(part, '')) continue;
    const name = part.trim();
    if (!RESET_METHODS.includes(name) || !pci.hw.resetMethods.includes(name)) return 'EINVAL';
    if (chosen.length === MAX_METHODS) return 'EINVAL';
    chosen.push(name);
  }
  pci.resetMethods = chosen;
  return null;
}

/** enable_store(): EBUSY with a driver bound; 0 on a disabled device is EIO. */
export function enableStore(dev: SimDevice, text: string): Errno | null {
  const pci = dev.pci;
  const value = kstrtoul(text);
  if (!pci || 'errno' in value) return 'EINVAL';
  if (dev.driver !== null) return 'EBUSY';
  if (value.value !== 0n) pci.enableCount += 1;
  else if (pci.enableCount > 0) pci.enableCount -= 1;
  else return 'EIO';
  return null;
}

/** numa_node_store(): kstrtoint; the only online node is 0. */
export function numaNodeStore(dev: SimDevice, text: string): Errno | null {
  const pci = dev.pci;
  const value = kstrtoint(text);
  if (!pci || 'errno' in value) return 'EINVAL';
  if (value.value < -1 || value.value > 0) return 'EINVAL';
  pci.numaNode = value.value;
  return null;
}

/** sriov_vf_msix_count_store(): no modelled PF driver has sriov_set_msix_vec_count. */
export function vfMsixStore(text: string): Errno | null {
  const value = kstrtoint(text);
  if ('errno' in value) return value.errno;
  return value.value < 0 ? 'EINVAL' : 'EOPNOTSUPP';
}
