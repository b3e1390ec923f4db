// What the applier reads back from a host: a device's driver and override,
// whether a module is loaded. Read through the host's own source, because
// the kernel may answer a write with success while nothing bound
// (kernel-abi.md 1.3): only reading back tells what happened.
import path from 'node:path';
import type { DeviceId } from '../../../src-shared/model';
import type { Check, DriverState } from '../../../src-shared/plan';
import type { Host } from '../host/host';
import { splitDeviceId } from '../ops/operation-target';

export type DeviceReading =
  | { readonly ok: true; readonly state: DriverState }
  /** "is gone", "cannot be read (EACCES)". */
  | { readonly ok: false; readonly why: string };

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** The override's first line; the kernel prints `(null)` when none is set (kernel-abi.md 1.6). */
function overrideOf(text: string): string | null {
  const first = text.split('\n', 1)[0] ?? '';
  return first === '' || first === '(null)' ? null : first;
}

/** The host as it is at one moment: each fact is read once, then remembered. */
export class HostReader {
  private readonly devices = new Map<DeviceId, DeviceReading>();
  private readonly modules = new Map<string, boolean>();

  constructor(private readonly host: Host) {}

  device(id: DeviceId): DeviceReading {
    let reading = this.devices.get(id);
    if (reading === undefined) {
      reading = this.readDevice(id);
      this.devices.set(id, reading);
    }
    return reading;
  }

  moduleLoaded(module: string): boolean {
    let loaded = this.modules.get(module);
    if (loaded === undefined) {
      try {
        loaded = this.host.source.isDirectory(path.join(this.host.info.root, 'sys/module', module));
      } catch {
        loaded = false;
      }
      this.modules.set(module, loaded);
    }
    return loaded;
  }

  holds(check: Check): boolean {
    if (check.kind === 'module-loaded') return this.moduleLoaded(check.module);
    const reading = this.device(check.device);
    if (!reading.ok) return false;
    return (check.kind === 'driver' ? reading.state.driver : reading.state.override) === check.driver;
  }

  private readDevice(id: DeviceId): DeviceReading {
    let bus: string;
    let name: string;
    try {
      ({ bus, name } = splitDeviceId(id));
    } catch {
      return { ok: false, why: 'is not a device name' };
    }
    const source = this.host.source;
    const dir = path.join(this.host.info.root, 'sys/bus', bus, 'devices', name);
    try {
      if (!source.isDirectory(dir)) return { ok: false, why: 'is gone' };
    } catch (error) {
      return errnoOf(error) === 'ENOENT' ? { ok: false, why: 'is gone' } : { ok: false, why: `cannot be read (${errnoOf(error)})` };
    }
    let driver: string | null;
    try {
      driver = path.basename(source.readLink(path.join(dir, 'driver')));
    } catch (error) {
      // No link: unbound.
      if (errnoOf(error) !== 'ENOENT') return { ok: false, why: `cannot be read (${errnoOf(error)})` };
      driver = null;
    }
    let override: string | null;
    try {
      override = overrideOf(source.readAttribute(path.join(dir, 'driver_override')));
    } catch (error) {
      // Buses without driver_override (usb, virtio, mdev) have no file.
      if (errnoOf(error) !== 'ENOENT') return { ok: false, why: `cannot be read (${errnoOf(error)})` };
      override = null;
    }
    return { ok: true, state: { driver, override } };
  }
}
