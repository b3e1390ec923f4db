// `bindery show DEVICE`: everything Bindery knows about one device.
import type { CandidateReport } from '../../../src-shared/candidates';
import type { Device, Snapshot } from '../../../src-shared/model';
import { candidatesJson, candidatesText } from '../format/candidates-text';
import { deviceJson } from '../format/device-json';
import { deviceTitle } from '../format/labels';

function field(label: string, value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : `${`${label}:`.padEnd(18)}${value}`;
}

function groupMembers(snapshot: Snapshot, device: Device): readonly string[] {
  return snapshot.iommuGroups.find((g) => g.id === device.iommuGroup)?.devices ?? [];
}

export function showDevice(snapshot: Snapshot, device: Device, report: CandidateReport, json: boolean): string {
  const members = groupMembers(snapshot, device);
  if (json) {
    return JSON.stringify({ ...deviceJson(device), iommuGroupMembers: members, candidates: candidatesJson(report) }, null, 2);
  }
  const pci = device.pci;
  const lines = [
    `${device.id}  ${deviceTitle(device)}`,
    field('Class', device.names.class && pci ? `${device.names.class} [${pci.class.slice(2)}]` : pci?.class),
    field('Subsystem', [device.names.subsystemVendor, device.names.subsystemDevice].filter(Boolean).join(' ') || null),
    field('Sysfs path', device.sysfsPath),
    field('Parent', device.parent),
    field('Modalias', device.modalias),
    field('Driver', device.driver ? `${device.driver}${device.driverModule ? ` (module ${device.driverModule})` : ' (built in)'}` : 'none'),
    field('Driver override', device.supportsOverride ? (device.driverOverride ?? 'not set') : null),
    field('IOMMU group', device.iommuGroup === null ? 'none' : `${device.iommuGroup}: ${members.join(', ')}`),
    field('Known as', device.classDevices.map((c) => `${c.subsystem}/${c.name}`).join(', ')),
    field('Boot VGA', pci?.bootVga ? 'yes (the firmware’s display)' : null),
    field('Reset methods', pci?.resetMethods ? pci.resetMethods.join(' ') || 'none enabled' : null),
    field('SR-IOV', pci?.sriov ? `${pci.sriov.numVfs} of ${pci.sriov.totalVfs} VFs enabled${pci.sriov.vfs.length ? `: ${pci.sriov.vfs.join(', ')}` : ''}` : null),
    field('Physical function', pci?.physfn),
    field('Mdev types', pci?.mdevTypes.map((t) => `${t.id} (${t.availableInstances ?? '?'} available)`).join(', ')),
  ].filter((line): line is string => line !== null);
  return [...lines, '', 'Driver candidates:', candidatesText(report)].join('\n');
}
