// Performing one Operation on a real sysfs tree, as root: `/` on the machine,
// a fake root in tests. The names are checked (operation-target.ts), the
// device and driver must exist on their bus inside sysfs, and the attribute is
// written through the guarded single write; module loads go to modprobe.
import path from 'node:path';
import { toBinderyError } from '../../../src-shared/errors';
import type { Operation } from '../../../src-shared/plan';
import type { OperationResult } from '../host/host';
import { Refusal, refused } from './attempt';
import type { SysfsAttempt } from './attempt';
import { runModprobe } from './modprobe';
import { operationTarget, splitDeviceId } from './operation-target';
import type { OperationTarget } from './operation-target';
import { realInside, realSysfs } from './sysfs-guard';
import { writeAttribute } from './sysfs-write';

export interface SysfsTools {
  /** Loads a kernel module: modprobe on the machine, a stand-in in tests. */
  readonly modprobe: (module: string) => SysfsAttempt;
}

/** Modules load into the running kernel, so only the machine's own root may load one. */
export function toolsFor(root: string): SysfsTools {
  if (path.resolve(root) === '/') return { modprobe: (module) => runModprobe(module) };
  return {
    modprobe: (module) => refused('EPERM', `Cannot load ${module} for the tree at ${root}: modules load into the running kernel only.`),
  };
}

/** The device and the driver an operation names must exist on its bus, inside sysfs. */
function checkNamed(root: string, sys: string, operation: Operation): void {
  if (operation.kind === 'load-module') return;
  const { bus, name } = splitDeviceId(operation.device);
  realInside(root, sys, `/sys/bus/${bus}/devices/${name}`, new Refusal('ENODEV', `There is no device ${operation.device}.`));
  const driver = operation.kind === 'probe' ? null : operation.driver;
  if (driver !== null) {
    realInside(root, sys, `/sys/bus/${bus}/drivers/${driver}`, new Refusal('ENOENT', `There is no driver ${driver} on the ${bus} bus.`));
  }
}

export function attemptOnSysfs(root: string, operation: Operation, tools: SysfsTools = toolsFor(root)): SysfsAttempt {
  let target: OperationTarget;
  try {
    target = operationTarget(operation);
  } catch (thrown) {
    return refused('EINVAL', toBinderyError(thrown).detail);
  }
  if (target.kind === 'modprobe') return tools.modprobe(target.module);
  try {
    const sys = realSysfs(root);
    checkNamed(root, sys, operation);
    return writeAttribute(root, sys, target.path, target.data);
  } catch (thrown) {
    if (thrown instanceof Refusal) return refused(thrown.errno, thrown.message);
    throw thrown;
  }
}

/** `root` is the directory that contains `sys/` (`/` on the machine). */
export function performOnSysfs(root: string, operation: Operation, tools: SysfsTools = toolsFor(root)): OperationResult {
  const attempt = attemptOnSysfs(root, operation, tools);
  return attempt.ok ? { ok: true } : { ok: false, errno: attempt.errno, message: attempt.message };
}
