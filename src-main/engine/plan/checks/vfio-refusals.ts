// What vfio-pci's probe refuses whatever the user wants (kernel-abi.md 3.7,
// vfio_pci_core_register_device): bridges (EINVAL), denylisted devices
// (EINVAL) and a PF with VFs enabled (EBUSY). None is forceable: the step
// would fail.
import type { Finding } from '../../../../src-shared/plan';
import { finding } from '../findings';
import { shortListing } from '../wording';
import type { SafetyCheck } from './moves';
import { toVfio } from './moves';

/** vfio_pci_is_denylisted(): Intel QAT functions, which must reach userspace through qat_vfio_pci or not at all. */
const DENYLIST = new Set(['0x8086:0x0435', '0x8086:0x37c8', '0x8086:0x19e2', '0x8086:0x6f54']);

export const bridgeToVfio: SafetyCheck = ({ moves }) =>
  moves.filter((m) => toVfio(m) && m.device.pci?.isBridge === true).map(({ device }): Finding => finding('bridge', 'refuse', {
    title: `${device.name} is a PCI bridge`,
    detail: `vfio-pci does not take bridges (header type 1): probing ${device.name} fails with EINVAL. A VM gets the devices behind a bridge, not the bridge.`,
    remedy: 'Assign the devices behind it instead.',
  }, [device], false));

export const vfioDenylisted: SafetyCheck = ({ moves }) =>
  moves.filter((m) => toVfio(m) && m.planned.after.driver === 'vfio-pci' && DENYLIST.has(`${m.device.pci?.vendor}:${m.device.pci?.device}`))
    .map(({ device }): Finding => finding('vfio-denylisted', 'refuse', {
      title: `vfio-pci refuses ${device.name}`,
      detail: `${device.name} is on vfio-pci's denylist (Intel QAT), so vfio-pci refuses it with EINVAL.`,
      remedy: 'Use the QAT VFIO variant driver (qat_vfio_pci) for its VFs, or load vfio_pci with disable_denylist=1 if you know what it risks.',
    }, [device], false));

export const sriovPfWithVfs: SafetyCheck = ({ ctx, moves }) =>
  moves.filter((m) => toVfio(m) && (m.device.pci?.sriov?.numVfs ?? 0) > 0).map(({ device }): Finding => {
    const vfs = ctx.vfsOf(device);
    const inVm = vfs.filter((vf) => vf.iommuGroup !== null && (ctx.fact('vfioGroupsInUse') ?? []).includes(vf.iommuGroup));
    const numVfs = device.pci?.sriov?.numVfs ?? 0;
    return finding('sriov-pf-with-vfs', 'refuse', {
      title: `${device.name} has VFs enabled`,
      detail: `${device.name} has ${numVfs} VFs enabled (${shortListing(vfs.map((vf) => vf.name))}), and vfio-pci refuses a PF with VFs `
        + '(EBUSY: "Cannot bind to PF with SR-IOV enabled").'
        + (inVm.length > 0 ? ` ${shortListing(inVm.map((vf) => vf.name))} ${inVm.length === 1 ? 'is' : 'are'} in use by a VM.` : ''),
      remedy: `Disable its VFs first (write 0 to /sys/bus/pci/devices/${device.name}/sriov_numvfs); that destroys them, `
        + 'so take them out of any VM before.',
    }, [device], false);
  });
