// The step discipline, proved on the simulator for a plan of every goal on
// every scenario: stopped after any step, the inverses of the steps done,
// run in reverse, bring every device back exactly; run to the end, the
// plan leaves each device as it says and no other device changed.
import { describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../../../../../src-shared/plan';
import type { TestHost } from './support/sim';
import { applyPlan, bindings, expectAfter, planOn, rollBack, simHost } from './support/sim';

interface Case {
  readonly scenario: string;
  readonly goal: Goal;
  /** Steps the plan must have, so a case cannot pass by planning nothing. */
  readonly steps: number;
  /** Brings the scenario to where the goal makes sense (a plan applied before). */
  readonly before?: (target: TestHost) => Promise<void>;
}

async function applied(target: TestHost, goal: Goal): Promise<void> {
  await applyPlan(target.host, await planOn(target, goal));
}

const CASES: readonly Case[] = [
  { scenario: 'workstation', goal: { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] }, steps: 6 },
  { scenario: 'workstation', goal: { kind: 'assign-vfio', devices: ['pci/0000:07:00.0'] }, steps: 3 },
  { scenario: 'workstation', goal: { kind: 'unbind', device: 'pci/0000:05:00.1' }, steps: 1 },
  { scenario: 'workstation', goal: { kind: 'set-override', device: 'pci/0000:00:14.2', driver: 'vfio-pci' }, steps: 2 },
  {
    scenario: 'workstation', goal: { kind: 'return-to-host', devices: ['pci/0000:05:00.1'] }, steps: 6,
    before: (target) => applied(target, { kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] }),
  },
  { scenario: 'sriov-server', goal: { kind: 'assign-vfio', devices: ['pci/0000:3b:00.3'] }, steps: 3 },
  { scenario: 'sriov-server', goal: { kind: 'assign-vfio', devices: ['pci/0000:86:00.0'] }, steps: 3 },
  { scenario: 'sriov-server', goal: { kind: 'set-override', device: 'pci/0000:3b:00.4', driver: 'mlx5_vfio_pci' }, steps: 3 },
  { scenario: 'sriov-server', goal: { kind: 'bind', device: 'pci/0000:3b:00.4', driver: 'mlx5_core' }, steps: 1,
    before: (target) => applied(target, { kind: 'unbind', device: 'pci/0000:3b:00.4' }) },
  { scenario: 'igpu-mdev', goal: { kind: 'assign-vfio', devices: ['pci/0000:00:14.0'] }, steps: 6 },
  { scenario: 'igpu-mdev', goal: { kind: 'set-override', device: 'pci/0000:00:1f.3', driver: 'vfio-pci' }, steps: 4 },
  { scenario: 'dpu', goal: { kind: 'assign-vfio', devices: ['pci/0000:43:00.1'] }, steps: 3 },
  { scenario: 'dpu', goal: { kind: 'assign-vfio', devices: ['pci/0000:06:00.3'] }, steps: 3 },
  { scenario: 'qemu-q35', goal: { kind: 'assign-vfio', devices: ['pci/0000:00:08.0'] }, steps: 4 },
  { scenario: 'qemu-q35', goal: { kind: 'assign-vfio', devices: ['pci/0000:01:02.0'] }, steps: 6 },
  { scenario: 'qemu-q35', goal: { kind: 'set-override', device: 'pci/0000:00:02.0', driver: 'igb' }, steps: 3 },
  {
    scenario: 'qemu-q35', goal: { kind: 'clear-override', device: 'pci/0000:01:01.0' }, steps: 3,
    before: (target) => applied(target, { kind: 'set-override', device: 'pci/0000:01:01.0', driver: 'vfio-pci' }),
  },
];

function name(c: Case): string {
  const goal = c.goal;
  const what = 'devices' in goal ? goal.devices.join(' ') : 'device' in goal ? `${goal.device}${'driver' in goal ? ` ${goal.driver}` : ''}` : '';
  return `${c.scenario}: ${goal.kind} ${what}`;
}

function blocking(plan: Plan): string[] {
  return plan.findings.filter((f) => f.severity === 'refuse').map((f) => f.code);
}

describe('every plan round-trips on the simulator', () => {
  for (const c of CASES) {
    it(name(c), async () => {
      const target = simHost(c.scenario);
      await c.before?.(target);
      const start = await bindings(target.host);
      const plan = await planOn(target, c.goal);
      expect(blocking(plan)).toEqual([]);
      expect(plan.steps).toHaveLength(c.steps);
      for (let done = 1; done <= plan.steps.length; done += 1) {
        await applyPlan(target.host, { ...plan, steps: plan.steps.slice(0, done) });
        await rollBack(target.host, plan, done);
        expect(await bindings(target.host), `after undoing ${done} steps`).toEqual(start);
      }
      await applyPlan(target.host, plan);
      await expectAfter(target.host, plan);
      const end = await bindings(target.host);
      // Devices a driver created on a plan device go with it (the child-devices warning names them); nothing else changes.
      const inPlan = new Set(plan.devices.map((d) => d.device));
      const warned = new Set(plan.findings.filter((f) => f.code === 'child-devices').flatMap((f) => f.devices));
      expect(Object.keys(start).filter((id) => !(id in end) && !warned.has(id))).toEqual([]);
      const others = (state: typeof start): typeof start =>
        Object.fromEntries(Object.entries(state).filter(([id]) => !inPlan.has(id) && id in start && id in end));
      expect(others(end)).toEqual(others(start));
    });
  }
});
