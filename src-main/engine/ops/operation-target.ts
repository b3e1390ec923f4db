// From an Operation to what it does on a host: the sysfs file to write and the
// bytes to write, or the module to load. This is the only place paths are made
// from names, and every name is checked first, so no caller (the UI, the CLI,
// a request to the privileged helper) can steer a write anywhere else.
import type { Operation } from '../../../src-shared/plan';
import { BinderyFailure, bindery } from '../../../src-shared/errors';

export type OperationTarget =
  /** `path` is absolute under the sysfs root (`/sys/bus/pci/...`); `data` goes in one write(2). */
  | { readonly kind: 'write'; readonly path: string; readonly data: string }
  | { readonly kind: 'modprobe'; readonly module: string };

const BUS = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** Device names: `0000:01:00.0`, `1-1:1.0`, `mlx5_core.sf.2`, `vdpa0`, a UUID. Never `/` or `..`. */
const DEVICE = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/;
/** Driver directory names: `vfio-pci`, `mlx5_core.sf`, `8250_mid`. */
const DRIVER = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/;
/** Never starting with `-`, which modprobe would read as an option. */
const MODULE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function invalid(what: string, value: string): BinderyFailure {
  return new BinderyFailure(bindery('BAD_INPUT', 'Invalid operation', `${what} ${JSON.stringify(value)} is not valid.`));
}

/** `pci/0000:01:00.0` as its bus and name, or null when either part could steer a path. */
export function parseDeviceId(id: string): { readonly bus: string; readonly name: string } | null {
  const slash = id.indexOf('/');
  const bus = id.slice(0, slash);
  const name = id.slice(slash + 1);
  if (slash < 0 || !BUS.test(bus)) return null;
  if (!DEVICE.test(name) || name.includes('..')) return null;
  return { bus, name };
}

/** `pci/0000:01:00.0` as its bus and name, both checked. */
export function splitDeviceId(id: string): { readonly bus: string; readonly name: string } {
  const parsed = parseDeviceId(id);
  if (!parsed) throw invalid('The device', id);
  return parsed;
}

export function isDriverName(driver: string): boolean {
  return DRIVER.test(driver) && !driver.includes('..');
}

export function isModuleName(module: string): boolean {
  return MODULE.test(module);
}

function checkDriver(driver: string): string {
  if (!isDriverName(driver)) throw invalid('The driver', driver);
  return driver;
}

export function operationTarget(operation: Operation): OperationTarget {
  switch (operation.kind) {
    case 'load-module':
      if (!isModuleName(operation.module)) throw invalid('The module', operation.module);
      return { kind: 'modprobe', module: operation.module };
    case 'set-override': {
      const { bus, name } = splitDeviceId(operation.device);
      // A lone newline clears the override (kernel-abi.md 1.6).
      const data = operation.driver === null ? '\n' : `${checkDriver(operation.driver)}\n`;
      return { kind: 'write', path: `/sys/bus/${bus}/devices/${name}/driver_override`, data };
    }
    case 'unbind':
    case 'bind': {
      const { bus, name } = splitDeviceId(operation.device);
      return { kind: 'write', path: `/sys/bus/${bus}/drivers/${checkDriver(operation.driver)}/${operation.kind}`, data: `${name}\n` };
    }
    case 'probe': {
      const { bus, name } = splitDeviceId(operation.device);
      return { kind: 'write', path: `/sys/bus/${bus}/drivers_probe`, data: `${name}\n` };
    }
  }
}
