// module-missing and module-blacklisted, for each module a plan loads. A
// module that is not installed cannot load (never forceable). A blacklist
// only stops loading by alias: modprobe by name, as Bindery does, still
// loads it, so it is a warning that says so.
import type { DeviceId } from '../../../../src-shared/model';
import type { Finding, Step } from '../../../../src-shared/plan';
import { sameDriverName } from '../../alias/driver-name';
import { finding } from '../findings';
import { listing } from '../wording';
import type { SafetyCheck } from './moves';

/** The devices that need a module: those a step binds with it loaded first. */
function devicesNeeding(steps: readonly Step[], module: string): DeviceId[] {
  return steps.flatMap((step) => {
    const needs = step.preconditions.some((c) => c.kind === 'module-loaded' && c.module === module)
      || (step.operation.kind === 'load-module' && step.operation.module === module);
    const bound = step.expect.flatMap((c) => (c.kind === 'driver' ? [c.device] : []));
    return needs ? bound : [];
  });
}

export const moduleChecks: SafetyCheck = ({ ctx, draft }) => {
  const loads = draft.steps.flatMap((s) => (s.operation.kind === 'load-module' ? [s.operation.module] : []));
  if (loads.length === 0) return [];
  const available = ctx.fact('availableModules');
  const blacklisted = ctx.fact('blacklistedModules');
  const kernel = ctx.snapshot.host.kernelRelease;
  return loads.flatMap((module): Finding[] => {
    const devices = devicesNeeding(draft.steps, module);
    if (available !== null && !available.some((m) => sameDriverName(m, module))) {
      return [finding('module-missing', 'refuse', {
        title: `Module ${module} is not installed`,
        detail: `The plan loads ${module}, but ${kernel ? `kernel ${kernel}` : 'this kernel'} has no such module installed, so modprobe fails.`,
        remedy: `Install the package that provides ${module} for this kernel (on some distributions VFIO variant drivers and less common `
          + 'drivers are in an extra modules package), then plan again.',
      }, devices, false)];
    }
    if (blacklisted?.some((m) => sameDriverName(m, module))) {
      return [finding('module-blacklisted', 'warning', {
        title: `Module ${module} is blacklisted`,
        detail: `modprobe.d blacklists ${module}. A blacklist only keeps it from loading by itself for a device; Bindery loads it by name, `
          + `which works, but after a restart it will not come back on its own${devices.length > 0 ? ` for ${listing(devices)}` : ''}.`,
        remedy: `If you blacklisted it to keep it off a device, that still holds for other devices once it is loaded: check them. `
          + `To load it at boot, remove the blacklist line for ${module} in /etc/modprobe.d.`,
      }, devices, false)];
    }
    return [];
  });
};
