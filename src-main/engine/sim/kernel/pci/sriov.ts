// SR-IOV (kernel-abi.md 3.5): the `sriov_numvfs` state machine in the
// kernel's order of checks, the PF driver's sriov_configure (with vfio-pci's
// enable_sriov rule), VF creation (BDF from offset and stride, possibly on the
// next bus numbers, siblings of the PF, `add` then `change` then a probe that
// only passes the VF gate with autoprobe or an override) and VF removal.
import type { Errno } from '../../errno';
import type { CoreOps } from '../behaviours/context';
import { driverProfile } from '../behaviours/driver-profiles';
import type { Kernel } from '../kernel';
import { kstrtobool, kstrtou16 } from '../parse';
import type { PciHardware, SimDevice, SriovState } from '../state';
import { pciName } from './address';

/** sriov_totalvfs: the driver's cap while bound, else TotalVFs. */
export function totalVfs(sriov: SriovState): number {
  return sriov.driverMaxVfs ?? sriov.hw.totalVfs;
}

/** The bus and devfn of VF `i` (pci_iov_virtfn_bus/devfn). */
export function vfRoutingId(pf: PciHardware, i: number): { bus: number; devfn: number } {
  const sriov = pf.sriov;
  if (!sriov) throw new Error('not a PF');
  const rid = ((pf.bus << 8) | pf.devfn) + sriov.offset + sriov.stride * i;
  return { bus: rid >> 8, devfn: rid & 0xff };
}

/** The last bus number the PF's bus range allows (the bridge's subordinate, or 0xff on a root bus). */
function busLimit(k: Kernel, pf: SimDevice): number {
  const parent = pf.parent === null ? undefined : k.findDevice(pf.parent);
  return parent?.pci?.hw.bridge?.subordinate ?? 0xff;
}

/** sriov_numvfs_store(). */
export function sriovNumvfsStore(k: Kernel, core: CoreOps, pf: SimDevice, text: string): Errno | null {
  const sriov = pf.pci?.sriov;
  if (!sriov) return 'EACCES';
  const parsed = kstrtou16(text);
  if ('errno' in parsed) return 'EINVAL';
  const n = parsed.value;
  if (n > totalVfs(sriov)) return 'ERANGE';
  if (n === sriov.numVfs) return null;
  if (pf.driver === null || pf.bus === null) return 'ENOENT';
  const profile = driverProfile(pf.bus, pf.driver).sriov;
  if (!profile) return 'ENOENT';
  if (n !== 0 && sriov.numVfs !== 0) return 'EBUSY';
  if (profile.enableParam !== undefined) {
    const [module, param] = profile.enableParam.split('.') as [string, string];
    if (k.module(module)?.params[param] !== 'Y') return 'ENOENT';
  }
  if (n === 0) {
    disableSriov(k, core, pf);
    return null;
  }
  return enableSriov(k, core, pf, n);
}

/** sriov_drivers_autoprobe_store(): kstrtobool; applies to VFs created afterwards. */
export function sriovAutoprobeStore(pf: SimDevice, text: string): Errno | null {
  const sriov = pf.pci?.sriov;
  if (!sriov) return 'EACCES';
  const parsed = kstrtobool(text);
  if ('errno' in parsed) return 'EINVAL';
  sriov.driversAutoprobe = parsed.value;
  return null;
}

/** sriov_enable() through the PF driver: ENOMEM when the VFs' bus numbers leave the PF's bus range. */
export function enableSriov(k: Kernel, core: CoreOps, pf: SimDevice, n: number): Errno | null {
  const pci = pf.pci;
  const sriov = pci?.sriov;
  if (!pci || !sriov || n > sriov.hw.totalVfs) return 'EINVAL';
  const last = vfRoutingId(pci.hw, n - 1);
  if (last.bus > busLimit(k, pf)) return 'ENOMEM';
  const names = Array.from({ length: n }, (_, i) => {
    const { bus, devfn } = vfRoutingId(pci.hw, i);
    return { bus, devfn, name: pciName(pci.hw.domain, bus, devfn) };
  });
  if (names.some(({ name }) => k.busDevice('pci', name))) return 'EEXIST';
  const profile = pf.driver !== null && pf.bus !== null ? driverProfile(pf.bus, pf.driver).sriov : undefined;
  const override = profile?.vfOverride ? pf.driver : null;
  const template = sriov.hw.vf;
  sriov.numVfs = n;
  names.forEach(({ bus, devfn, name }, i) => {
    const hw: PciHardware = {
      domain: pci.hw.domain, bus, devfn,
      ids: {
        vendor: pci.hw.ids.vendor, device: sriov.hw.vfDevice, subsystemVendor: template.subsystemVendor,
        subsystemDevice: template.subsystemDevice, classCode: template.classCode, revision: template.revision,
      },
      headerType: 0, bridge: null, pcie: pci.hw.pcie === null ? null : 'endpoint',
      resetMethods: template.resetMethods, bootVga: false, groupKey: null, sriov: null,
      probeFails: template.probeFails, mdev: null, devlink: null, label: null, netdev: null,
      // A VF's namespaces are its own: blank.
      nvmeNamespaces: pci.hw.nvmeNamespaces.map((namespace) => ({ ...namespace, partitions: [] })),
    };
    // BUS_NOTIFY_ADD_DEVICE runs before the `add` uevent: vfio-pci's notifier sets the override there.
    const vf = core.add(k, {
      name, parent: pf.parent, bus: 'pci', cls: null, createdBy: null, devnode: null, override,
      pci: { hw, resetMethods: [...hw.resetMethods], enableCount: 0, numaNode: -1, sriov: null, physfn: pf.id, vfIndex: i },
    });
    sriov.vfs.push(vf.id);
    k.emitDevice('change', vf);
    core.attach(k, vf);
  });
  return null;
}

/** sriov_disable(): each VF in index order, `unbind` (if bound) then `remove`. */
export function disableSriov(k: Kernel, core: CoreOps, pf: SimDevice): void {
  const sriov = pf.pci?.sriov;
  if (!sriov) return;
  while (sriov.vfs.length > 0) {
    const id = sriov.vfs.shift() as number;
    const vf = k.findDevice(id);
    if (vf) core.unregister(k, vf);
  }
  sriov.numVfs = 0;
}

/** A new PF's SR-IOV state from its hardware. */
export function initialSriov(hw: PciHardware): SriovState | null {
  return hw.sriov ? { hw: hw.sriov, numVfs: 0, driverMaxVfs: null, driversAutoprobe: true, vfs: [] } : null;
}
