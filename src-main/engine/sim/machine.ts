// A simulated machine: the kernel's state, its /sys view, and the commands
// that are netlink or programs on a real machine (modprobe, vdpa, devlink).
// Everything it answers is a typed result with errno names; only
// programming errors throw. The state is plain data (toJSON/fromJSON).
import type { SysfsSource } from '../sysfs/sysfs-source';
import type { Errno, SimResult } from './errno';
import { fail, ok } from './errno';
import { CORE } from './kernel/driver-core';
import type { PortAddRequest, PortInfo } from './kernel/devlink';
import { eswitchSet, portAdd, portDel, portFunctionSet, portShow } from './kernel/devlink';
import type { ParamCmode } from './kernel/devlink-reload';
import { paramSet, reload } from './kernel/devlink-reload';
import { ownerCount } from './kernel/iommu';
import { Kernel } from './kernel/kernel';
import { modprobe } from './kernel/modules';
import type { HostFacts, MountFact, SimState } from './kernel/state';
import { SIM_STATE_VERSION } from './kernel/state';
import type { UeventListener } from './kernel/uevents';
import type { VdpaDevAddRequest } from './kernel/vdpa';
import { vdpaDevAdd, vdpaDevDel } from './kernel/vdpa';
import { installUdev, settle } from './kernel/work';
import { sysfsSource } from './vfs/source';
import { SysfsView } from './vfs/view';

export type { HostFacts, MountFact, ParamCmode, PortAddRequest, PortInfo, VdpaDevAddRequest };

/** The host's facts as a safety check asks for them: the scenario's, and the groups VMs hold now. */
export interface MachineFacts extends HostFacts {
  /** IOMMU groups whose /dev/vfio/N a VM has open (VFIO_GROUP_SET_CONTAINER done), ascending. */
  readonly vfioGroupsInUse: readonly number[];
}

export interface EntryStat {
  readonly kind: 'dir' | 'file' | 'link';
  /** Permission bits: 0444, 0644, 0200... for files; 0755 for directories; 0777 for links. */
  readonly mode: number;
}

const toResult = (errno: Errno | null): SimResult => (errno === null ? ok() : fail(errno));

function isState(value: unknown): value is SimState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof SimState, unknown>>;
  return state.version === SIM_STATE_VERSION && typeof state.scenario === 'string' && Array.isArray(state.devices)
    && Array.isArray(state.drivers) && Array.isArray(state.buses) && typeof state.ida === 'object'
    && typeof state.facts === 'object' && state.facts !== null;
}

export class SimMachine {
  private readonly kernel: Kernel;
  private readonly view: SysfsView;
  /** The reader's view of this machine's tree: `scanSysfs({ root: '/', source })`. */
  readonly source: SysfsSource;

  /** From a state; use bootScenario() or SimMachine.fromJSON(). */
  constructor(state: SimState) {
    this.kernel = new Kernel(state);
    installUdev(this.kernel);
    this.view = new SysfsView({ k: this.kernel, core: CORE });
    // A listener may read the tree in the middle of a change: nothing cached may be stale by then.
    this.kernel.events.observe(() => this.view.invalidate());
    this.source = sysfsSource(this.view);
  }

  static fromJSON(json: unknown): SimMachine {
    if (!isState(json)) throw new Error(`Not a simulated machine of state version ${SIM_STATE_VERSION}`);
    return new SimMachine(json);
  }

  toJSON(): SimState {
    return this.kernel.toJSON();
  }

  get scenario(): string {
    return this.kernel.scenario;
  }

  get kernelRelease(): string {
    return this.kernel.kernelRelease;
  }

  /** What sysfs does not say: mounts, the default route's interfaces, the desktop's DRM card, VFIO groups in use. */
  facts(): MachineFacts {
    const inUse = [...this.kernel.groups()].filter((group) => group.userOwned).map((group) => group.id).sort((a, b) => a - b);
    return { ...structuredClone(this.kernel.facts), vfioGroupsInUse: inUse };
  }

  /** The loadable modules installed on this machine (what `modprobe NAME` can load). */
  installedModules(): string[] {
    return this.kernel.catalog.map((module) => module.name).sort();
  }

  /** Runs a change and forgets the view's cached directories afterwards. */
  private change<T>(action: () => T): T {
    try {
      return action();
    } finally {
      this.view.invalidate();
    }
  }

  /** A whole file; binary attributes (`config`) come back as latin1 text. */
  read(path: string): SimResult<string> {
    const result = this.view.read(path);
    if (!result.ok) return result;
    return ok(typeof result.value === 'string' ? result.value : Buffer.from(result.value).toString('latin1'));
  }

  readBytes(path: string): SimResult<Uint8Array> {
    const result = this.view.read(path);
    if (!result.ok) return result;
    return ok(typeof result.value === 'string' ? new Uint8Array(Buffer.from(result.value, 'latin1')) : result.value);
  }

  /** One write(2) of exactly `data` (`echo VALUE >` would add the newline). */
  write(path: string, data: string): SimResult {
    return this.change(() => this.view.write(path, data));
  }

  /** A symlink's target as stored, relative to its directory. */
  readLink(path: string): SimResult<string> {
    return this.view.readLink(path);
  }

  /** Entry names, sorted. */
  list(path: string): SimResult<string[]> {
    const result = this.view.list(path);
    return result.ok ? ok(result.value.map((entry) => entry.name).sort()) : result;
  }

  /** Whether the path exists, following symlinks (test -e). */
  exists(path: string): boolean {
    return this.view.kindOf(path, true).ok;
  }

  /** What the path itself is (lstat). */
  stat(path: string): SimResult<EntryStat> {
    const kind = this.view.kindOf(path, false);
    if (!kind.ok) return kind;
    return ok({ kind: kind.value, mode: kind.value === 'link' ? 0o777 : this.view.modeOf(path) });
  }

  /** `modprobe NAME [param=value...]`: a module name or a modalias; ENOENT when the machine has no such module. */
  modprobe(name: string, params: Readonly<Record<string, string>> = {}): SimResult {
    return this.change(() => toResult(modprobe(this.kernel, CORE, name, params)));
  }

  vdpaDevAdd(request: VdpaDevAddRequest): SimResult {
    return this.change(() => toResult(vdpaDevAdd(this.kernel, CORE, request)));
  }

  vdpaDevDel(name: string): SimResult {
    return this.change(() => toResult(vdpaDevDel(this.kernel, CORE, name)));
  }

  devlinkEswitchSet(device: string, mode: 'legacy' | 'switchdev'): SimResult {
    return this.change(() => toResult(eswitchSet(this.kernel, CORE, device, mode)));
  }

  /** `devlink port add`: the new port's handle (`pci/0000:06:00.0/32768`). */
  devlinkPortAdd(device: string, request: PortAddRequest): SimResult<string> {
    return this.change(() => {
      const result = portAdd(this.kernel, CORE, device, request);
      return 'errno' in result ? fail<string>(result.errno) : ok(result.port);
    });
  }

  devlinkPortFunctionSet(port: string, fn: { readonly hwAddr?: string; readonly state?: 'active' | 'inactive' }): SimResult {
    return this.change(() => toResult(portFunctionSet(this.kernel, port, fn)));
  }

  /** `devlink dev param set DEV name NAME value true|false cmode CMODE`: takes effect at the next reload. */
  devlinkParamSet(device: string, name: string, value: boolean, cmode: ParamCmode): SimResult {
    return toResult(paramSet(this.kernel, device, name, value, cmode));
  }

  /** `devlink dev reload DEV`: the driver re-creates its devices from the parameters. */
  devlinkReload(device: string): SimResult {
    return this.change(() => toResult(reload(this.kernel, CORE, device)));
  }

  devlinkPortDel(port: string): SimResult {
    return this.change(() => toResult(portDel(this.kernel, CORE, port)));
  }

  devlinkPortShow(port: string): SimResult<PortInfo> {
    const result = portShow(this.kernel, port);
    return 'errno' in result ? fail<PortInfo>(result.errno) : ok(result.info);
  }

  /**
   * What QEMU does with /dev/vfio/N: open it and attach a container
   * (VFIO_GROUP_SET_CONTAINER), which claims DMA ownership. ENOENT without
   * the group file, EBUSY when already open, EPERM when the group is not viable.
   */
  vfioGroupOpen(group: number): SimResult {
    return this.change(() => {
      const record = this.kernel.group(group);
      if (!record || this.kernel.classMembers('vfio')?.has(String(group)) !== true) return fail('ENOENT');
      if (record.userOwned) return fail('EBUSY');
      if (ownerCount(this.kernel, record) !== 0) return fail('EPERM');
      record.userOwned = true;
      if (!this.kernel.vfioFiles.includes(group)) this.kernel.vfioFiles.push(group);
      return ok();
    });
  }

  /** Closes the file; EBADF only when none is open. One whose group went away closes fine. */
  vfioGroupClose(group: number): SimResult {
    return this.change(() => {
      const files = this.kernel.vfioFiles;
      const at = files.indexOf(group);
      if (at < 0) return fail('EBADF');
      files.splice(at, 1);
      const record = this.kernel.group(group);
      if (record) record.userOwned = false;
      return ok();
    });
  }

  /** Lets asynchronous work finish: udev's module loading, SF attach and detach. */
  settle(): void {
    this.change(() => settle(this.kernel, CORE));
  }

  /** Every uevent from now on, in order; returns the unsubscribe function. */
  onUevent(listener: UeventListener): () => void {
    return this.kernel.events.subscribe(listener);
  }
}
