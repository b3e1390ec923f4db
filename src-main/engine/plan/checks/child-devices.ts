// child-devices: a driver that lets go of a device removes what it created
// on it (network devices' parents, USB devices behind a controller, mdevs,
// sub-functions, vDPA devices), and most PF drivers disable SR-IOV when
// unbound, which destroys the VFs. A warning that names them.
import type { Finding } from '../../../../src-shared/plan';
import { finding } from '../findings';
import { plural, shortListing } from '../wording';
import type { SafetyCheck } from './moves';
import { toVfio } from './moves';

export const childDevices: SafetyCheck = ({ ctx, moves }) =>
  moves.flatMap(({ device, planned }): Finding[] => {
    const { before, after } = planned;
    if (before.driver === null || after.driver === before.driver) return [];
    const created = ctx.createdBelow(device);
    // vfio-pci refuses a PF with VFs (sriov-pf-with-vfs says so); elsewhere the PF driver takes them down.
    const vfs = toVfio({ device, planned }) ? [] : ctx.vfsOf(device);
    if (created.length === 0 && vfs.length === 0) return [];
    const parts = [
      created.length > 0 ? `what it created on it (${shortListing(created.map((d) => d.id))})` : null,
      vfs.length > 0 ? `its ${plural(vfs.length, 'VF')} (${shortListing(vfs.map((d) => d.name))}), as PF drivers disable SR-IOV when they let go` : null,
    ].filter((part) => part !== null);
    return [finding('child-devices', 'warning', {
      title: `Devices that go away with ${device.name}`,
      detail: `Taking ${device.name} from ${before.driver} also removes ${parts.join(', and ')}.`,
      remedy: 'Make sure nothing still uses them (a keyboard on a USB controller, a VM on a VF or vDPA device).',
    }, [device, ...created, ...vfs], false)];
  });
