// planGoal as callers see it: a pure function of its input, plain data out,
// refusals as findings, and BinderyFailures only for goals that name what
// the host does not have.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanInput } from '../../../../../src-main/engine/plan/plan-goal';
import { planGoal } from '../../../../../src-main/engine/plan/plan-goal';
import { codes, planOn, simHost } from './support/sim';

async function input(scenario: string, goal: PlanInput['goal']): Promise<PlanInput> {
  const target = simHost(scenario);
  return {
    goal, snapshot: await target.host.scan(), facts: await target.host.facts(), aliases: target.aliases,
    root: '/', source: target.host.source, remembered: new Map(), undoOf: null, id: 'p-1', now: new Date('2026-05-01T12:00:00Z'),
  };
}

describe('planGoal', () => {
  it('gives the same plan for the same input, as plain data', async () => {
    const given = await input('workstation', { kind: 'assign-vfio', devices: ['pci/0000:01:00.0'] });
    const plan = planGoal(given);
    expect(planGoal(given)).toEqual(plan);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan).toMatchObject({ id: 'p-1', hostId: 'sim:workstation', createdAt: '2026-05-01T12:00:00.000Z', goal: given.goal });
  });

  it('lists refusals first, then warnings, then notes', async () => {
    const plan = await planOn(simHost('igpu-mdev'), { kind: 'assign-vfio', devices: ['pci/0000:00:02.0'] }, { facts: { blacklistedModules: ['vfio_pci'] } });
    expect(codes(plan)).toEqual(['refuse:active-display', 'refuse:vfio-in-use', 'warning:module-blacklisted', 'warning:child-devices']);
  });

  it('plans several targets at once, once each', async () => {
    const plan = await planOn(simHost('workstation'), { kind: 'assign-vfio', devices: ['pci/0000:07:00.0', 'pci/0000:05:00.0', 'pci/0000:07:00.0'] });
    expect(plan.summary).toBe('Assign 0000:05:00.0 (Radeon RX 6800/6800 XT / 6900 XT) with its audio function '
      + 'and 0000:07:00.0 (ASM3242 USB 3.2 Host Controller) to VFIO');
    expect(plan.devices.map((d) => [d.device, d.role])).toEqual([
      ['pci/0000:05:00.0', 'target'], ['pci/0000:05:00.1', 'slot-companion'], ['pci/0000:07:00.0', 'target'],
    ]);
    expect(plan.steps).toHaveLength(9);
  });
});

describe('planGoal refuses to guess', () => {
  let base: PlanInput;
  beforeAll(async () => {
    base = await input('qemu-q35', { kind: 'unbind', device: 'pci/0000:01:01.0' });
  });

  it('throws BAD_INPUT for a goal without devices', () => {
    expect(() => planGoal({ ...base, goal: { kind: 'assign-vfio', devices: [] } }))
      .toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'BAD_INPUT', detail: 'Assigning to VFIO needs at least one device.' }) }));
  });

  it('names the unknown device and the host', () => {
    try {
      planGoal({ ...base, goal: { kind: 'return-to-host', devices: ['pci/0000:42:00.0'] } });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ error: { code: 'UNKNOWN_DEVICE', detail: 'There is no device "pci/0000:42:00.0" on qemu-q35 (simulated).' } });
    }
  });

  it('lists the drivers of the bus for a driver it does not have', () => {
    expect(() => planGoal({ ...base, goal: { kind: 'set-override', device: 'pci/0000:01:01.0', driver: 'nvidia' } }))
      .toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'BAD_INPUT', remedy: expect.stringMatching(/^Drivers on the pci bus: /) }) }));
  });
});
