// restore (as root, at boot and when a kept device appears): put each kept PCI
// device on its driver. A device that is absent, or a different card at the
// same address, is left alone. Otherwise: load the driver's module if the
// driver is missing, set driver_override (so no other driver takes it later),
// and if another driver has it, unbind and drivers_probe (kernel-abi.md 1.5:
// the kernel never moves a bound device by itself). The driver link is read
// back afterwards, because a drivers_probe write succeeds even when nothing
// bound (kernel-abi.md 1.3).
import type { Operation } from '../../../src-shared/plan';
import { Refusal } from '../ops/attempt';
import { isModuleName } from '../ops/operation-target';
import { auditedAttempt, resultOf } from '../ops/privileged/apply-verb';
import { changeError, doneAnswer, errorAnswer } from '../ops/privileged/answers';
import type { PrivilegedContext } from '../ops/privileged/context';
import type { HelperAnswer, OperationReport, RestoreOutcome, RestoreReport } from '../ops/privileged/protocol';
import { realSysfs } from '../ops/sysfs-guard';
import { boundDriver, describeIds, pciDriverExists, readOverride, readPciIds, sameIds } from './pci-identity';
import { PERSISTED_FILE, readPersisted } from './persisted-file';
import type { PersistedDevice } from './persisted-schema';

/** Thrown when a step did not succeed; its message is the report's detail. */
class StepFailed extends Error {}

function restoreOne(context: PrivilegedContext, entry: PersistedDevice, results: OperationReport[]): RestoreReport {
  const report = (outcome: RestoreOutcome, detail: string): RestoreReport => ({ device: entry.device, driver: entry.driver, outcome, detail });
  const { root } = context;
  const device = `pci/${entry.device}`;
  const run = (operation: Operation): void => {
    const attempt = auditedAttempt(context, 'restore', operation);
    results.push({ operation, result: resultOf(attempt) });
    if (!attempt.ok) throw new StepFailed(attempt.message);
  };
  try {
    const sys = realSysfs(root);
    const ids = readPciIds(root, sys, entry.device);
    if (ids === null) return report('absent', 'Not present now; it is put on its driver when it appears.');
    if (!sameIds(ids, entry.ids)) {
      return report('different-card', `The card there now is ${describeIds(ids)}, not the kept ${describeIds(entry.ids)}; left alone.`);
    }
    const before = results.length;
    if (!pciDriverExists(root, sys, entry.driver)) {
      if (!isModuleName(entry.driver)) throw new StepFailed(`The driver ${entry.driver} is not loaded, and it is not a module name modprobe could load.`);
      run({ kind: 'load-module', module: entry.driver });
      if (!pciDriverExists(root, sys, entry.driver)) throw new StepFailed(`Loading ${entry.driver} did not register a PCI driver of that name.`);
    }
    if (readOverride(root, sys, entry.device) !== entry.driver) run({ kind: 'set-override', device, driver: entry.driver });
    const bound = boundDriver(root, sys, entry.device);
    if (bound !== entry.driver) {
      if (bound !== null) run({ kind: 'unbind', device, driver: bound });
      run({ kind: 'probe', device });
    }
    const now = boundDriver(root, sys, entry.device);
    if (now !== entry.driver) throw new StepFailed(`After drivers_probe it is ${now === null ? 'unbound' : `on ${now}`}, not on ${entry.driver}.`);
    return results.length === before ? report('already', `On ${entry.driver} already.`) : report('restored', `Put on ${entry.driver}.`);
  } catch (thrown) {
    if (thrown instanceof StepFailed || thrown instanceof Refusal) return report('failed', thrown.message);
    throw thrown;
  }
}

/** Every kept device, or only `only` (a PCI address). */
export function restorePersisted(context: PrivilegedContext, only: string | null): HelperAnswer {
  const state = readPersisted(context.root);
  if (!state.ok) {
    return errorAnswer('failed', changeError('EINVAL', 'The list of kept devices is damaged', state.error.detail, `Fix or remove ${PERSISTED_FILE} (as root).`));
  }
  const entries = state.value.devices.filter((d) => only === null || d.device === only);
  const results: OperationReport[] = [];
  const restored = entries.map((entry) => restoreOne(context, entry, results));
  const failures = restored.filter((r) => r.outcome === 'failed');
  if (failures.length > 0) {
    const detail = failures.map((f) => `${f.device}: ${f.detail}`).join(' ');
    return errorAnswer('failed', changeError('EIO', `${failures.length} kept device(s) could not be put on their driver`, detail), results, restored);
  }
  const moved = restored.filter((r) => r.outcome === 'restored').length;
  const summary = entries.length === 0
    ? (only === null ? 'No devices are kept; nothing to do.' : `${only} is not kept; nothing to do.`)
    : `${moved} device(s) put on their kept driver, ${entries.length - moved} left as they were.`;
  return doneAnswer(summary, results, restored);
}
