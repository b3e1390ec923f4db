// Asynchronous work that `settle` completes: udev's module loading for
// `add` uevents that carry a MODALIAS (rules.d/80-drivers.rules), and the
// firmware events of sub-functions (attach after activation, detach after
// deactivation).
import type { CoreOps } from './behaviours/context';
import { sfAttach, sfDetach } from './devlink';
import type { Kernel } from './kernel';
import { modprobe } from './modules';

/** udev as the test VM runs it (busybox mdev -d with `@modprobe -q "$MODALIAS"`). */
export function installUdev(k: Kernel): void {
  k.events.observe((event) => {
    if (!k.udev || event.action !== 'add') return;
    const key = event.env.find((entry) => entry.startsWith('MODALIAS='));
    if (key === undefined) return;
    const alias = key.slice('MODALIAS='.length);
    if (!k.pending.some((work) => work.kind === 'modprobe' && work.alias === alias)) k.pending.push({ kind: 'modprobe', alias });
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
      case 'sf-attach':
        sfAttach(k, core, work.devlink, work.slot);
        break;
      case 'sf-detach':
        sfDetach(k, core, work.devlink, work.slot);
        break;
    }
  }
}
