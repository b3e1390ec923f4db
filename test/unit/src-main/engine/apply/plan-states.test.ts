// The states a plan takes a host through, and placing a host on that path:
// what recovery and rollback decide from.
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../../../src-shared/plan';
import { HostReader } from '../../../../../src-main/engine/apply/host-reader';
import { changesOf, expectedStates, positionsOf, startingPreconditions } from '../../../../../src-main/engine/apply/plan-states';
import { makePlan } from './support/cases';
import { cleanLabs, lab } from './support/lab';

afterEach(cleanLabs);

const XHCI = 'pci/0000:00:14.0';

/** igpu-mdev: vfio_pci is not loaded, so the plan loads it first. */
async function assignXhci(): Promise<{ readonly plan: Plan; readonly l: ReturnType<typeof lab> }> {
  const l = lab('igpu-mdev');
  return { l, plan: await makePlan({ kind: 'assign-vfio', devices: [XHCI] }, l.host(), l.history) };
}

describe('plan states', () => {
  it('start from the devices as read and what the first steps assume, then add what each step promises', async () => {
    const { plan } = await assignXhci();
    expect(plan.steps[0]?.operation).toEqual({ kind: 'load-module', module: 'vfio_pci' });
    const devices = plan.devices.map(({ device, before }) => ({ device, before }));
    const states = expectedStates(plan, devices);
    expect(states).toHaveLength(plan.steps.length + 1);
    const driver = (k: number) => states[k]?.get(`driver ${XHCI}`);
    expect(driver(0)).toEqual({ kind: 'driver', device: XHCI, driver: 'xhci_hcd' });
    expect(states[0]?.has('module vfio_pci')).toBe(false);
    expect(states[1]?.get('module vfio_pci')).toEqual({ kind: 'module-loaded', module: 'vfio_pci' });
    expect(driver(plan.steps.length)).toEqual({ kind: 'driver', device: XHCI, driver: 'vfio-pci' });
    // Only what no earlier step changes is about the host before the plan.
    expect(startingPreconditions(plan).filter((c) => c.kind === 'driver' && c.device === XHCI)).toEqual([{ kind: 'driver', device: XHCI, driver: 'xhci_hcd' }]);
  });

  it('place a host after k steps, and tell a step from one that changes nothing', async () => {
    const { plan, l } = await assignXhci();
    const devices = plan.devices.map(({ device, before }) => ({ device, before }));
    const states = expectedStates(plan, devices);
    // vfio_pci unknown before the plan: the host matches before and after loading it.
    expect(positionsOf(new HostReader(l.host()), states)).toEqual([0]);
    const host = l.host();
    for (const step of plan.steps.slice(0, 3)) await host.perform(step.operation);
    expect(positionsOf(new HostReader(l.host()), states)).toEqual([3]);
    for (const step of plan.steps) {
      const before = states[step.index];
      if (before === undefined) throw new Error('no state');
      expect(changesOf(step, before), step.description).toEqual(step.expect);
    }
    const unbind = plan.steps[1];
    if (unbind === undefined) throw new Error('no step 1');
    expect(changesOf({ ...unbind, expect: [{ kind: 'driver', device: XHCI, driver: 'xhci_hcd' }] }, states[1] ?? new Map())).toEqual([]);
  });
});
