// The drivers "Bind to…" and "Set driver override…" offer: those whose
// aliases match the device (best first, with why), then every other driver
// of its bus, which the kernel would take only through an override.
import type { Candidate, CandidateReport } from '../../src-shared/candidates';
import type { Device, Driver } from '../../src-shared/model';

export type ChooserMode = 'bind' | 'set-override';

export interface DriverOption {
  readonly driver: string;
  /** Why it fits, or what to know before choosing it. */
  readonly reason: string | null;
  readonly bound: boolean;
  readonly recommended: boolean;
  readonly vfio: boolean;
}

export interface DriverChoices {
  readonly matching: readonly DriverOption[];
  readonly others: readonly DriverOption[];
}

function isVfio(candidate: Candidate): boolean {
  return candidate.kind !== 'driver';
}

export function driverChoices(device: Device, report: CandidateReport | null, drivers: readonly Driver[], mode: ChooserMode): DriverChoices {
  const seen = new Set<string>();
  const matching: DriverOption[] = [];
  for (const candidate of report?.candidates ?? []) {
    if (seen.has(candidate.driver)) continue;
    seen.add(candidate.driver);
    const vfio = isVfio(candidate);
    const note = vfio && mode === 'bind'
      ? ' VFIO drivers take a device only through its override: Assign to VFIO does that, with the rest of its IOMMU group.'
      : '';
    matching.push({
      driver: candidate.driver,
      reason: `${candidate.reason}${note}`,
      bound: device.driver === candidate.driver,
      recommended: candidate.module === report?.recommended,
      vfio,
    });
  }
  const others = drivers
    .filter((d) => d.bus === device.bus && !seen.has(d.name))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name): DriverOption => ({ driver: name, reason: null, bound: device.driver === name, recommended: false, vfio: false }));
  return { matching, others };
}

/** What the chooser starts on: for a bind, the recommended host driver unless the device has it already. */
export function initialChoice(choices: DriverChoices, mode: ChooserMode): string | null {
  if (mode !== 'bind') return null;
  return choices.matching.find((option) => option.recommended && !option.bound)?.driver ?? null;
}
