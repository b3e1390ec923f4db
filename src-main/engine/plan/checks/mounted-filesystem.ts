// boot-disk and mounted-filesystem: a device the host loses must not hold a
// mounted filesystem. The root, /boot, /usr or /var going away takes the
// running system with it (never forceable); another mounted filesystem is
// refused unless forced (it may be unused, or the user unmounts it in time).
import type { MountPoint } from '../../host/system-facts';
import { blockDevicesOf } from '../block-devices';
import { finding } from '../findings';
import { listing, named } from '../wording';
import type { SafetyCheck } from './moves';
import { leavesHost } from './moves';

const SYSTEM = ['/', '/boot', '/boot/efi', '/efi', '/usr', '/var'];

function where(mount: MountPoint): string {
  return `${mount.target} (${mount.source}, ${mount.fstype})`;
}

export const mountedFilesystem: SafetyCheck = ({ ctx, moves }) => {
  const losing = moves.filter(leavesHost);
  if (losing.length === 0) return [];
  const mounts = ctx.fact('mounts');
  if (mounts === null) return [];
  const resting = mounts.map((mount) => ({ mount, on: new Set(blockDevicesOf(ctx, mount.source)) }));
  return losing.flatMap(({ device, planned }) => {
    const blocks = ctx.classDevicesOf(device, 'block');
    const held = resting.filter(({ on }) => blocks.some((b) => on.has(b))).map(({ mount }) => mount);
    if (held.length === 0) return [];
    const system = held.filter((m) => SYSTEM.includes(m.target));
    const from = planned.before.driver ?? 'its driver';
    if (system.length > 0) {
      const root = system.some((m) => m.target === '/');
      return [finding('boot-disk', 'refuse', {
        title: root ? 'This is the boot disk' : 'This disk holds part of the running system',
        detail: `${named(device)} holds ${listing(held.map(where))}. Taking it from ${from} pulls `
          + `${root ? 'the running system\'s root filesystem' : 'files the running system needs'} out from under it: the machine would crash or hang.`,
        remedy: 'Pick another device. To give a VM this disk\'s space, pass it a disk image or a partition as a virtual disk instead.',
      }, [device], false)];
    }
    return [finding('mounted-filesystem', 'refuse', {
      title: 'A mounted filesystem is on this device',
      detail: `${named(device)} holds ${listing(held.map(where))}, which ${held.length === 1 ? 'is' : 'are'} mounted. `
        + `Taking it from ${from} makes ${held.length === 1 ? 'it' : 'them'} vanish under any program using ${held.length === 1 ? 'it' : 'them'}, and can lose data.`,
      remedy: `Unmount ${listing(held.map((m) => m.target))} first (and take ${held.length === 1 ? 'it' : 'them'} out of /etc/fstab if `
        + 'it should stay with the VM), then plan again; or, if nothing uses it, override this refusal and apply anyway.',
    }, [device], true)];
  });
};
