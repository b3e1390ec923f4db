// Builds Plan, Finding, Step and Outcome values for the renderer's model
// tests: the second GPU of `workstation` and its audio function going to
// vfio-pci, overridden where a test cares.
import type { Finding, Outcome, Plan, PlannedDevice, Step } from '../../../../src-shared/plan';

export function step(index: number, description: string): Step {
  return {
    index,
    operation: { kind: 'probe', device: 'pci/0000:05:00.0' },
    description,
    preconditions: [],
    expect: [],
    inverse: null,
  };
}

export const GPU_STEPS: readonly Step[] = [
  step(0, 'Unbind 0000:05:00.0 from amdgpu'),
  step(1, 'Set the driver override of 0000:05:00.0 to vfio-pci'),
  step(2, 'Probe 0000:05:00.0, so that vfio-pci takes it'),
  step(3, 'Unbind 0000:05:00.1 from snd_hda_intel'),
];

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    code: 'boot-disk',
    severity: 'refuse',
    title: 'This is the boot disk',
    detail: 'It holds /.',
    remedy: 'Pick another device.',
    devices: ['pci/0000:02:00.0'],
    forceable: false,
    ...overrides,
  };
}

const GPU: PlannedDevice = {
  device: 'pci/0000:05:00.0',
  label: 'AMD/ATI Navi 21',
  role: 'target',
  before: { driver: 'amdgpu', override: null },
  after: { driver: 'vfio-pci', override: 'vfio-pci' },
  reason: 'You asked for it.',
};

const AUDIO: PlannedDevice = {
  device: 'pci/0000:05:00.1',
  label: 'AMD/ATI Navi 21/23 HDMI/DP Audio Controller',
  role: 'slot-companion',
  before: { driver: 'snd_hda_intel', override: null },
  after: { driver: 'vfio-pci', override: 'vfio-pci' },
  reason: 'The audio function on the same card.',
};

export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'plan-1',
    goal: { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] },
    hostId: 'sim:workstation',
    createdAt: '2026-01-01T00:00:00.000Z',
    summary: 'Assign 0000:05:00.0 and its audio function to VFIO',
    devices: [GPU, AUDIO],
    steps: GPU_STEPS,
    findings: [],
    ...overrides,
  };
}

export function makeOutcome(overrides: Partial<Outcome> = {}): Outcome {
  return {
    planId: 'plan-1',
    status: 'done',
    stepsDone: GPU_STEPS.length,
    failedStep: null,
    error: null,
    devices: [
      { device: GPU.device, before: GPU.before, after: GPU.after },
      { device: AUDIO.device, before: AUDIO.before, after: AUDIO.after },
    ],
    startedAt: '2026-01-01T00:00:01.000Z',
    finishedAt: '2026-01-01T00:00:02.000Z',
    ...overrides,
  };
}
