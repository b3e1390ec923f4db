// Checks and device states in words, for errors people act on:
// "0000:01:00.0 is now bound to nouveau, the plan expected amdgpu".
import type { DeviceId } from '../../../src-shared/model';
import type { Check, DriverState } from '../../../src-shared/plan';
import type { HostReader } from './host-reader';

/** `0000:01:00.0` for `pci/0000:01:00.0`: what people recognise. */
export function deviceName(id: DeviceId): string {
  return id.slice(id.indexOf('/') + 1);
}

export function stateText(state: DriverState): string {
  const driver = state.driver === null ? 'unbound' : `bound to ${state.driver}`;
  const override = state.override === null ? 'no driver_override' : `driver_override ${state.override}`;
  return `${driver} with ${override}`;
}

/**
 * How the host differs from `check`: `now` for a host that changed since a
 * plan was made ("is now bound to X, the plan expected Y").
 */
export function mismatchText(check: Check, reader: HostReader, now: boolean): string {
  const expected = now ? 'the plan expected' : 'expected';
  const is = now ? 'is now' : 'is';
  if (check.kind === 'module-loaded') return `module ${check.module} ${is} not loaded, ${expected} it loaded`;
  const name = deviceName(check.device);
  const reading = reader.device(check.device);
  if (!reading.ok) return `${name} ${reading.why}`;
  if (check.kind === 'driver') {
    const actual = reading.state.driver === null ? `${is} unbound` : `${is} bound to ${reading.state.driver}`;
    return `${name} ${actual}, ${expected} ${check.driver ?? 'it unbound'}`;
  }
  const has = now ? 'now has' : 'has';
  const actual = reading.state.override === null ? `${has} no driver_override` : `${has} driver_override ${reading.state.override}`;
  return `${name} ${actual}, ${expected} ${check.driver === null ? 'none' : check.driver}`;
}
