import { describe, expect, it } from 'vitest';
import type { Candidate, CandidateReport } from '../../../../src-shared/candidates';
import type { Driver } from '../../../../src-shared/model';
import { driverChoices, initialChoice } from '../../../../src-renderer/model/driver-choices';
import { makeDevice } from './make-device';

function candidate(overrides: Partial<Candidate>): Candidate {
  return {
    module: 'igc', driver: 'igc', driverSource: 'sysfs', alias: 'pci:v00008086d0000125Csv*sd*bc*sc*i*', kind: 'driver',
    score: 4, pinned: ['vendor', 'device'], reason: 'Matches vendor 8086 and device 125c exactly.', builtin: false, loaded: true, bound: false,
    ...overrides,
  };
}

const report: CandidateReport = {
  deviceId: 'pci/0000:06:00.0',
  modalias: 'pci:v00008086d0000125C',
  candidates: [
    candidate({}),
    candidate({ module: 'igc', alias: 'pci:v00008086d*sv*sd*bc02sc00i*', reason: 'a second alias of igc' }),
    candidate({ module: 'vfio_pci', driver: 'vfio-pci', kind: 'vfio-generic', reason: 'Matches any PCI device.' }),
  ],
  vfio: 'vfio_pci',
  recommended: 'igc',
  source: { status: 'ok', path: null, builtinPath: null, kernelRelease: null, aliasCount: 3, message: null },
  note: null,
};

const drivers: Driver[] = [
  { bus: 'pci', name: 'nvme', module: 'nvme', devices: [] },
  { bus: 'pci', name: 'igc', module: 'igc', devices: ['0000:06:00.0'] },
  { bus: 'pci', name: 'ahci', module: 'ahci', devices: [] },
  { bus: 'usb', name: 'usbhid', module: 'usbhid', devices: [] },
];

describe('driverChoices', () => {
  const unbound = makeDevice({ name: '0000:06:00.0' });

  it('lists matching drivers once each, best first, with why; then the bus\'s other drivers by name', () => {
    const choices = driverChoices(unbound, report, drivers, 'set-override');
    expect(choices.matching.map((o) => [o.driver, o.reason, o.recommended, o.vfio])).toEqual([
      ['igc', 'Matches vendor 8086 and device 125c exactly.', true, false],
      ['vfio-pci', 'Matches any PCI device.', false, true],
    ]);
    expect(choices.others.map((o) => o.driver)).toEqual(['ahci', 'nvme']);
  });

  it('for a bind, says that VFIO drivers take devices only through an override', () => {
    const vfio = driverChoices(unbound, report, drivers, 'bind').matching.find((o) => o.vfio);
    expect(vfio?.reason).toContain('Assign to VFIO does that');
  });

  it('marks the driver the device has now, and starts a bind on the recommended one unless it has it already', () => {
    const bound = makeDevice({ name: '0000:06:00.0', driver: 'igc' });
    const choices = driverChoices(bound, report, drivers, 'bind');
    expect(choices.matching[0]?.bound).toBe(true);
    expect(initialChoice(choices, 'bind')).toBeNull();
    expect(initialChoice(driverChoices(unbound, report, drivers, 'bind'), 'bind')).toBe('igc');
    expect(initialChoice(driverChoices(unbound, report, drivers, 'set-override'), 'set-override')).toBeNull();
  });

  it('without a report (still matching, or none) offers the bus\'s drivers', () => {
    expect(driverChoices(unbound, null, drivers, 'bind')).toEqual({
      matching: [],
      others: ['ahci', 'igc', 'nvme'].map((driver) => ({ driver, reason: null, bound: false, recommended: false, vfio: false })),
    });
  });
});
