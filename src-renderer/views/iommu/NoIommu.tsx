// No IOMMU groups: the most common reason passthrough "does not work". Explain
// what is missing and the exact steps, since people arrive here from wikis.
import type { Snapshot } from '../../../src-shared/model';
import { Icon } from '../../components/Icon';
import './no-iommu.css';

/** A guest of QEMU/KVM shows virtio devices; then the VM itself needs a virtual IOMMU. */
function looksVirtual(snapshot: Snapshot): boolean {
  return snapshot.devices.some((d) => d.pci?.vendor === '0x1af4' || d.bus === 'virtio');
}

export function NoIommu({ snapshot }: { readonly snapshot: Snapshot }) {
  const where = snapshot.host.readOnly ? 'The captured tree has' : 'This host has';
  return (
    <div className="no-iommu">
      <div className="no-iommu-head">
        <Icon name="shield" className="no-iommu-icon" />
        <div>
          <h2>No IOMMU groups</h2>
          <p className="muted">
            {where} nothing in <code>/sys/kernel/iommu_groups</code>: the IOMMU is off or absent, so no device can be handed
            to a virtual machine with VFIO. To turn it on:
          </p>
        </div>
      </div>
      <ol className="steps">
        <li>
          <h3>Enable it in the firmware</h3>
          <p>In the BIOS/UEFI setup, turn on <strong>Intel VT-d</strong> or <strong>AMD-Vi</strong> (sometimes just called “IOMMU”), next to the CPU virtualization settings.</p>
        </li>
        <li>
          <h3>Enable it on the kernel command line</h3>
          <p>Add <code>intel_iommu=on iommu=pt</code> on Intel, or <code>amd_iommu=on iommu=pt</code> on AMD (<code>iommu=pt</code> keeps host devices at full speed).</p>
          <p className="muted">With GRUB: add them to <code>GRUB_CMDLINE_LINUX_DEFAULT</code> in <code>/etc/default/grub</code>, run <code>sudo update-grub</code> (or <code>grub2-mkconfig -o /boot/grub2/grub.cfg</code>), and reboot.</p>
        </li>
        <li>
          <h3>Check</h3>
          <p><code>cat /proc/cmdline</code> shows the options, and <code>ls /sys/kernel/iommu_groups</code> lists numbered groups. Then press Refresh.</p>
        </li>
      </ol>
      {looksVirtual(snapshot) && (
        <p className="no-iommu-vm muted">
          This looks like a virtual machine (virtio devices). A guest only gets IOMMU groups if the VM has a virtual IOMMU,
          e.g. QEMU's <code>-device intel-iommu</code> (with <code>-machine q35</code>) or <code>virtio-iommu-pci</code>.
        </p>
      )}
    </div>
  );
}
