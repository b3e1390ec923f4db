// Asynchronous work that `settle` completes: udev's module loading for
// `add` uevents that carry a MODALIAS (rules.d/80-drivers.rules), udev's
// renaming of new network interfaces (80-net-setup-link.rules), and the
// firmware events of sub-functions (attach after activation, detach after
// deactivation).
import type { CoreOps } from './behaviours/context';
import { renameNetdev, udevName } from './behaviours/net';
import { sfAttach, sfDetach } from './devlink';
import type { Kernel } from './kernel';
import { modprobe } from './modules';
import type { Uevent } from './uevents';

function valueOf(event: Uevent, key: string): string | undefined {
  return event.env.find((entry) => entry.startsWith(`${key}=`))?.slice(key.length + 1);
}

/** udev as the test VM runs it (busybox mdev -d with `@modprobe -q "$MODALIAS"`), plus interface naming. */
export function installUdev(k: Kernel): void {
  k.events.observe((event) => {
    if (!k.udev || event.action !== 'add') return;
    const alias = valueOf(event, 'MODALIAS');
    if (alias !== undefined && !k.pending.some((work) => work.kind === 'modprobe' && work.alias === alias)) {
      k.pending.push({ kind: 'modprobe', alias });
    }
    const iface = event.subsystem === 'net' ? valueOf(event, 'INTERFACE') : undefined;
    const id = iface === undefined ? undefined : k.classMembers('net')?.get(iface);
    const name = id === undefined ? null : udevName(k, k.device(id));
    if (id !== undefined && name !== null) k.pending.push({ kind: 'net-rename', device: id, name });
  });
}

/** Runs pending work, including work it causes, until none is left. */
export function settle(k: Kernel, core: CoreOps): void {
  for (let guard = 0; k.pending.length > 0 && guard < 1_000_000; guard += 1) {
    const work = k.pending.shift();
    if (!work) break;
    switch (work.kind) {
      case 'modprobe':
        // modprobe -q: failures are silent.
        modprobe(k, core, work.alias);
        break;
      case 'net-rename': {
        const netdev = k.findDevice(work.device);
        if (netdev) renameNetdev(k, netdev, work.name);
        break;
      }
      case 'sf-attach':
        sfAttach(k, core, work.devlink, work.slot);
        break;
      case 'sf-detach':
        sfDetach(k, core, work.devlink, work.slot);
        break;
    }
  }
}
