// What the safety checks need to know that sysfs does not say: what is
// mounted, which interface carries the default route, which display is in
// use, which VFIO groups a VM holds, which modules exist or are blacklisted.
// A field is null when the host cannot tell (a captured tree): checks then
// warn that they could not look, instead of passing silently.

export interface MountPoint {
  /** `/dev/nvme0n1p2`. */
  readonly source: string;
  readonly target: string;
  readonly fstype: string;
}

export interface SystemFacts {
  readonly mounts: readonly MountPoint[] | null;
  /** Network interfaces that carry a default route (`enp6s0`). */
  readonly defaultRouteInterfaces: readonly string[] | null;
  /** DRM cards driving a display now (`card1`). */
  readonly activeDisplays: readonly string[] | null;
  /** IOMMU groups whose /dev/vfio/N a process (a VM) holds open. */
  readonly vfioGroupsInUse: readonly number[] | null;
  /** Modules `blacklist`ed in modprobe.d. */
  readonly blacklistedModules: readonly string[] | null;
  /** Modules installed for the running kernel (loadable), built-ins excluded. */
  readonly availableModules: readonly string[] | null;
}

export const UNKNOWN_FACTS: SystemFacts = {
  mounts: null,
  defaultRouteInterfaces: null,
  activeDisplays: null,
  vfioGroupsInUse: null,
  blacklistedModules: null,
  availableModules: null,
};
