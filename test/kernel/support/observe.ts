// The state plans change, as anyone can observe it on a machine: every PCI
// device's driver, driver_override and IOMMU group, every group's devices,
// and the entries of /dev/vfio. Read the same way from the real /sys in the
// guest and from the simulated machine on the host, so the two compare.

/** Read-only access to a machine's files; null where a path is missing. */
export interface FileReader {
  list(path: string): readonly string[] | null;
  /** The first line, without trailing white space. */
  read(path: string): string | null;
  /** The last part of a symlink's target. */
  link(path: string): string | null;
}

export interface DeviceState {
  readonly driver: string | null;
  readonly override: string | null;
  readonly group: string | null;
}

export interface ObservedState {
  readonly devices: Readonly<Record<string, DeviceState>>;
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly vfio: readonly string[];
}

const sorted = (names: readonly string[] | null): string[] => [...(names ?? [])].sort();

export function observe(files: FileReader): ObservedState {
  const devices: Record<string, DeviceState> = {};
  for (const name of sorted(files.list('/sys/bus/pci/devices'))) {
    const dir = `/sys/bus/pci/devices/${name}`;
    const override = files.read(`${dir}/driver_override`);
    devices[name] = {
      driver: files.link(`${dir}/driver`),
      override: override === '(null)' ? null : override,
      group: files.link(`${dir}/iommu_group`),
    };
  }
  const groups: Record<string, string[]> = {};
  for (const group of sorted(files.list('/sys/kernel/iommu_groups'))) {
    groups[group] = sorted(files.list(`/sys/kernel/iommu_groups/${group}/devices`));
  }
  return { devices, groups, vfio: sorted(files.list('/dev/vfio')) };
}
