// persist and unpersist (as root): keep a PCI device on a driver at every boot,
// or stop keeping it. Persisting checks that the device is there and is the
// card the user meant (its IDs), and that the driver exists, before the state
// file changes. Neither changes the device now: plans do that.
import { Refusal } from '../ops/attempt';
import { audit } from '../ops/privileged/audit';
import { changeError, doneAnswer, errorAnswer } from '../ops/privileged/answers';
import type { PrivilegedContext } from '../ops/privileged/context';
import type { HelperAnswer } from '../ops/privileged/protocol';
import { realSysfs } from '../ops/sysfs-guard';
import { describeIds, pciDriverExists, readPciIds, sameIds } from './pci-identity';
import { PERSISTED_FILE, readPersisted, writePersisted } from './persisted-file';
import { MAX_PERSISTED } from './persisted-schema';
import type { PciIds, PersistedDevice, PersistedState } from './persisted-schema';

function damaged(detail: string): HelperAnswer {
  return errorAnswer('refused', changeError('EINVAL', 'The list of kept devices is damaged', `${detail} Nothing was changed.`,
    `Fix or remove ${PERSISTED_FILE} (as root).`));
}

/** Why `entry` may not be kept, or null when it may. */
function refusal(context: PrivilegedContext, entry: PersistedDevice): HelperAnswer | null {
  let ids: PciIds | null;
  let driverExists: boolean;
  try {
    const sys = realSysfs(context.root);
    ids = readPciIds(context.root, sys, entry.device);
    driverExists = pciDriverExists(context.root, sys, entry.driver);
  } catch (thrown) {
    if (!(thrown instanceof Refusal)) throw thrown;
    return errorAnswer('refused', changeError(thrown.errno, 'Change refused', `${thrown.message} Nothing was changed.`));
  }
  if (ids === null) {
    return errorAnswer('refused', changeError('ENODEV', 'No such device', `There is no PCI device ${entry.device}. Nothing was changed.`));
  }
  if (!sameIds(ids, entry.ids)) {
    return errorAnswer('refused', changeError('ENODEV', 'A different card',
      `The card at ${entry.device} is ${describeIds(ids)}, not ${describeIds(entry.ids)}. Nothing was changed.`,
      'Look at the device again and choose it anew.'));
  }
  if (!driverExists) {
    return errorAnswer('refused', changeError('ENOENT', 'No such driver',
      `There is no driver ${entry.driver} on the PCI bus. Nothing was changed.`, `Load its module first (modprobe ${entry.driver}).`));
  }
  return null;
}

/** Saves the new list; an answer when that failed. */
function save(context: PrivilegedContext, verb: 'persist' | 'unpersist', state: PersistedState, what: unknown): HelperAnswer | null {
  try {
    writePersisted(context.root, state);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? 'EIO';
    audit(context, { verb, what, result: { errno, message: String(error) } });
    return errorAnswer('failed', changeError(errno, 'Could not save the list of kept devices', `${PERSISTED_FILE}: ${String(error)}`));
  }
  return null;
}

export function persistDevice(context: PrivilegedContext, entry: PersistedDevice): HelperAnswer {
  const current = readPersisted(context.root);
  if (!current.ok) return damaged(current.error.detail);
  const refused = refusal(context, entry);
  if (refused) return refused;
  const others = current.value.devices.filter((d) => d.device !== entry.device);
  if (others.length >= MAX_PERSISTED) {
    return errorAnswer('refused', changeError('ENOSPC', 'Too many kept devices', `Bindery keeps at most ${MAX_PERSISTED} devices. Nothing was changed.`));
  }
  const devices = [...others, entry].sort((a, b) => a.device.localeCompare(b.device));
  const failure = save(context, 'persist', { version: 1, devices }, entry);
  if (failure) return failure;
  audit(context, { verb: 'persist', what: entry, result: 'ok' });
  return doneAnswer(`${entry.device} will be put on ${entry.driver} at every boot.`);
}

export function unpersistDevice(context: PrivilegedContext, device: string): HelperAnswer {
  const current = readPersisted(context.root);
  if (!current.ok) return damaged(current.error.detail);
  const devices = current.value.devices.filter((d) => d.device !== device);
  if (devices.length === current.value.devices.length) return doneAnswer(`${device} was not kept; nothing changed.`);
  const failure = save(context, 'unpersist', { version: 1, devices }, { device });
  if (failure) return failure;
  audit(context, { verb: 'unpersist', what: { device }, result: 'ok' });
  return doneAnswer(`${device} is no longer kept on a driver at boot; its driver now stays as it is.`);
}
