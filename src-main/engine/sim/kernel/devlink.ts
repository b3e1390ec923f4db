// devlink instances, eswitch mode and mlx5 sub-functions (kernel-abi.md
// 6.1, 6.2): port add with every precondition in the driver's order, the
// port function's hw_addr and state, the asynchronous attach and detach of
// the SF's auxiliary device (completed by `settle`), the EBUSY window while a
// deactivated SF is still attached, and port deletion.
import type { Errno } from '../errno';
import type { CoreOps } from './behaviours/context';
import { addNetdev } from './behaviours/net';
import type { Kernel } from './kernel';
import type { DevlinkPortRecord, DevlinkRecord, SfRecord, SimDevice } from './state';

/** First SF vport: port indexes are (vhca_id << 16) | vport. */
const SF_VPORT_BASE = 0x8000;

export interface PortAddRequest {
  readonly flavour: string | null;
  readonly pfnum: number | null;
  readonly sfnum: number | null;
  readonly controller: number | null;
  readonly index: number | null;
}

export interface PortInfo {
  readonly handle: string;
  readonly flavour: 'physical' | 'pcisf';
  readonly netdev: string | null;
  readonly pfnum: number | null;
  readonly sfnum: number | null;
  readonly hwAddr: string | null;
  readonly state: 'active' | 'inactive' | null;
  readonly opstate: 'attached' | 'detached' | null;
}

export function devlinkOf(k: Kernel, handle: string): DevlinkRecord | undefined {
  return k.devlink.find((record) => record.handle === handle);
}

export function addDevlink(k: Kernel, record: DevlinkRecord): void {
  k.devlink.push(record);
}

export function removeDevlink(k: Kernel, handle: string): void {
  const at = k.devlink.findIndex((record) => record.handle === handle);
  if (at >= 0) k.devlink.splice(at, 1);
}

function portIndex(record: DevlinkRecord, slot: number): number {
  return (record.pfnum << 16) | (SF_VPORT_BASE + slot);
}

function findPort(k: Kernel, handle: string): { record: DevlinkRecord; port: DevlinkPortRecord } | undefined {
  const slash = handle.lastIndexOf('/');
  const record = devlinkOf(k, handle.slice(0, slash));
  const index = Number(handle.slice(slash + 1));
  const port = record?.ports.find((p) => p.index === index && !p.sf?.deleted);
  return record && port && /^\d+$/.test(handle.slice(slash + 1)) ? { record, port } : undefined;
}

/** DEVLINK_CMD_ESWITCH_SET. Leaving switchdev takes every SF with it (mlx5 clears its SF table). */
export function eswitchSet(k: Kernel, core: CoreOps, handle: string, mode: 'legacy' | 'switchdev'): Errno | null {
  const record = devlinkOf(k, handle);
  if (!record) return 'ENODEV';
  if (record.eswitch === null) return 'EOPNOTSUPP';
  if (record.eswitch === mode) return null;
  if (mode === 'legacy') {
    for (const port of [...record.ports]) if (port.sf && !port.sf.deleted) deletePort(k, core, record, port);
  }
  record.eswitch = mode;
  return null;
}

/** DEVLINK_CMD_PORT_NEW, in devlink's then mlx5's order of checks. */
export function portAdd(k: Kernel, core: CoreOps, handle: string, req: PortAddRequest): { errno: Errno } | { port: string } {
  const record = devlinkOf(k, handle);
  if (!record) return { errno: 'ENODEV' };
  if (record.kind !== 'mlx5') return { errno: 'EOPNOTSUPP' };
  if (req.flavour === null || req.pfnum === null) return { errno: 'EINVAL' };
  if (req.flavour !== 'pcisf') return { errno: 'EOPNOTSUPP' };
  if (req.index !== null) return { errno: 'EOPNOTSUPP' };
  if (req.sfnum === null) return { errno: 'EOPNOTSUPP' };
  if (req.controller !== null && req.controller !== 0) return { errno: 'EOPNOTSUPP' };
  if (req.pfnum !== record.pfnum) return { errno: 'EOPNOTSUPP' };
  if (record.maxSfs === 0) return { errno: 'EOPNOTSUPP' };
  if (record.eswitch !== 'switchdev') return { errno: 'EOPNOTSUPP' };
  const sfs = record.ports.flatMap((port) => (port.sf ? [port.sf] : []));
  if (sfs.some((sf) => sf.sfnum === req.sfnum)) return { errno: 'EEXIST' };
  if (sfs.length >= record.maxSfs) return { errno: 'ENOSPC' };
  const taken = new Set(sfs.map((sf) => sf.slot));
  let slot = 0;
  while (taken.has(slot)) slot += 1;
  const pf = k.device(record.device);
  const representor = addNetdev({ k, core }, pf, pf);
  const sf: SfRecord = {
    sfnum: req.sfnum, pfnum: req.pfnum, controller: req.controller ?? 0, slot,
    hwAddr: '00:00:00:00:00:00', hwState: 'ALLOCATED', auxDevice: null, deleted: false,
  };
  const index = portIndex(record, slot);
  record.ports.push({ index, flavour: 'pcisf', netdev: representor.id, sf });
  return { port: `${record.handle}/${index}` };
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** DEVLINK_CMD_PORT_SET with the function nest: hw_addr first, state last. */
export function portFunctionSet(
  k: Kernel, handle: string, fn: { readonly hwAddr?: string; readonly state?: 'active' | 'inactive' },
): Errno | null {
  const found = findPort(k, handle);
  if (!found) return 'ENODEV';
  const sf = found.port.sf;
  if (!sf) return 'EOPNOTSUPP';
  if (fn.hwAddr !== undefined) {
    if (!MAC.test(fn.hwAddr)) return 'EINVAL';
    // Only unicast addresses: the low bit of the first byte is the group bit.
    if ((parseInt(fn.hwAddr.slice(0, 2), 16) & 1) === 1) return 'EINVAL';
    sf.hwAddr = fn.hwAddr.toLowerCase();
  }
  if (fn.state === 'active') {
    if (sf.hwState === 'ACTIVE' || sf.hwState === 'IN_USE') return null;
    // mlx5_sf_activate(): "SF is inactivated but it is still attached".
    if (sf.hwState === 'TEARDOWN_REQUEST') return 'EBUSY';
    sf.hwState = 'ACTIVE';
    k.pending.push({ kind: 'sf-attach', devlink: found.record.handle, slot: sf.slot });
  } else if (fn.state === 'inactive' && (sf.hwState === 'ACTIVE' || sf.hwState === 'IN_USE')) {
    sf.hwState = 'TEARDOWN_REQUEST';
    k.pending.push({ kind: 'sf-detach', devlink: found.record.handle, slot: sf.slot });
  }
  return null;
}

/** DEVLINK_CMD_PORT_DEL: the port goes now; an SF still in use is torn down in the background. */
export function portDel(k: Kernel, core: CoreOps, handle: string): Errno | null {
  const found = findPort(k, handle);
  if (!found) return 'ENODEV';
  if (!found.port.sf) return 'EOPNOTSUPP';
  deletePort(k, core, found.record, found.port);
  return null;
}

function deletePort(k: Kernel, core: CoreOps, record: DevlinkRecord, port: DevlinkPortRecord): void {
  const sf = port.sf;
  if (port.netdev !== null) {
    const netdev = k.findDevice(port.netdev);
    if (netdev) core.unregister(k, netdev);
  }
  if (!sf || sf.hwState === 'ALLOCATED') {
    record.ports.splice(record.ports.indexOf(port), 1);
    return;
  }
  // The slot and sfnum stay taken until firmware confirms the detach (deferred free).
  sf.deleted = true;
  if (sf.hwState !== 'TEARDOWN_REQUEST') {
    sf.hwState = 'TEARDOWN_REQUEST';
    k.pending.push({ kind: 'sf-detach', devlink: record.handle, slot: sf.slot });
  }
}

export function portShow(k: Kernel, handle: string): { errno: Errno } | { info: PortInfo } {
  const found = findPort(k, handle);
  if (!found) return { errno: 'ENODEV' };
  const { port } = found;
  const sf = port.sf;
  const netdev = port.netdev === null ? null : (k.findDevice(port.netdev)?.name ?? null);
  return {
    info: {
      handle, flavour: port.flavour, netdev, pfnum: sf?.pfnum ?? null, sfnum: sf?.sfnum ?? null, hwAddr: sf?.hwAddr ?? null,
      state: sf ? (sf.hwState === 'ACTIVE' || sf.hwState === 'IN_USE' ? 'active' : 'inactive') : null,
      opstate: sf ? (sf.hwState === 'IN_USE' || sf.hwState === 'TEARDOWN_REQUEST' ? 'attached' : 'detached') : null,
    },
  };
}

function sfOf(k: Kernel, handle: string, slot: number): { record: DevlinkRecord; port: DevlinkPortRecord; sf: SfRecord } | undefined {
  const record = devlinkOf(k, handle);
  const port = record?.ports.find((p) => p.sf?.slot === slot);
  return record && port?.sf ? { record, port, sf: port.sf } : undefined;
}

/** The firmware's vhca event after activation: the SF's auxiliary device appears (mlx5_sf_dev_add). */
export function sfAttach(k: Kernel, core: CoreOps, handle: string, slot: number): void {
  const found = sfOf(k, handle, slot);
  if (!found || found.sf.deleted || found.sf.hwState !== 'ACTIVE' || found.sf.auxDevice !== null) return;
  const n = k.ida('mlx5_adev').alloc();
  const aux = core.add(k, {
    name: `mlx5_core.sf.${n}`, parent: found.record.device, bus: 'auxiliary', cls: null,
    createdBy: found.record.device, devnode: null, aux: { sfnum: found.sf.sfnum }, ids: [['mlx5_adev', n]],
  });
  found.sf.auxDevice = aux.id;
  core.probeNew(k, aux);
}

/** After deactivation: the SF driver lets go, the auxiliary device goes, the function is ALLOCATED again. */
export function sfDetach(k: Kernel, core: CoreOps, handle: string, slot: number): void {
  const found = sfOf(k, handle, slot);
  if (!found || found.sf.hwState !== 'TEARDOWN_REQUEST') return;
  const aux = found.sf.auxDevice === null ? undefined : k.findDevice(found.sf.auxDevice);
  if (aux) core.unregister(k, aux);
  found.sf.auxDevice = null;
  found.sf.hwState = 'ALLOCATED';
  if (found.sf.deleted) found.record.ports.splice(found.record.ports.indexOf(found.port), 1);
}

/** The SF whose auxiliary device this is. */
export function sfOfAux(k: Kernel, aux: SimDevice): SfRecord | undefined {
  for (const record of k.devlink) {
    for (const port of record.ports) if (port.sf?.auxDevice === aux.id) return port.sf;
  }
  return undefined;
}

/** The PF's driver goes: every SF with it, at once. */
export function teardownSfs(k: Kernel, core: CoreOps, record: DevlinkRecord): void {
  for (const port of [...record.ports].reverse()) {
    const auxId = port.sf?.auxDevice ?? null;
    const aux = auxId === null ? undefined : k.findDevice(auxId);
    if (aux) core.unregister(k, aux);
    const netdev = port.netdev === null ? undefined : k.findDevice(port.netdev);
    if (netdev) core.unregister(k, netdev);
  }
  record.ports = [];
}
