// A device's binding (driver and override) in words, before and after a change.
import type { DriverState } from '../../src-shared/plan';

export function driverText(driver: string | null): string {
  return driver ?? 'no driver';
}

export function overrideText(override: string | null): string {
  return override ?? 'none';
}

export function sameState(a: DriverState, b: DriverState): boolean {
  return a.driver === b.driver && a.override === b.override;
}
