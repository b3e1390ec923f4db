// Applying plans on simulated machines: every goal on every scenario reaches
// its state and is recorded; refusals (safety findings, stale plans, a busy
// host) touch nothing; cancelled authentication is calm; progress is told.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyProgress, Finding, Plan } from '../../../../../src-shared/plan';
import { applyPlan } from '../../../../../src-main/engine/apply/apply-plan';
import type { ApplyOptions } from '../../../../../src-main/engine/apply/apply-plan';
import { Journal } from '../../../../../src-main/engine/apply/journal';
import { findInterrupted } from '../../../../../src-main/engine/apply/recovery';
import { CASES, arrange, caseName, expectGoalReached, expectSameState, makePlan, observe } from './support/cases';
import { failAt } from './support/fail-at';
import { faulty } from './support/faulty-host';
import type { Lab } from './support/lab';
import { cleanLabs, lab } from './support/lab';

afterEach(cleanLabs);

function options(l: Lab, extra: Partial<ApplyOptions> = {}): ApplyOptions {
  return { force: false, journal: l.journal, history: l.history, ...extra };
}

const GPU = 'pci/0000:05:00.0';

/** The planner's plan for the second GPU, with `findings` instead of its own. */
async function workstationPlan(l: Lab, findings: readonly Finding[] = []): Promise<Plan> {
  return { ...await makePlan({ kind: 'assign-vfio', devices: [GPU] }, l.host(), l.history), findings };
}

describe('every goal on every scenario', () => {
  for (const c of CASES) {
    it(caseName(c), async () => {
      const a = await arrange(c);
      if (a.options.force) {
        expect(await applyPlan(a.plan, a.lab.host(), { ...a.options, force: false })).toMatchObject({ status: 'refused' });
        expectSameState(await observe(a.lab), a.start);
      }
      const outcome = await applyPlan(a.plan, a.lab.host(), a.options);
      expect(outcome.error).toBeNull();
      expect(outcome).toMatchObject({ planId: a.plan.id, status: 'done', stepsDone: a.plan.steps.length, failedStep: null });
      const now = await observe(a.lab);
      expectGoalReached(c, now, a);
      // Before and after are read from the machine, not copied from the plan.
      for (const { device, before, after } of outcome.devices) {
        const was = a.start.snapshot.devices.find((d) => d.id === device);
        const is = now.snapshot.devices.find((d) => d.id === device);
        expect(before).toEqual({ driver: was?.driver, override: was?.driverOverride });
        expect(after).toEqual({ driver: is?.driver, override: is?.driverOverride });
      }
      expect(outcome.devices.map((d) => d.device)).toEqual(a.plan.devices.map((d) => d.device));
      const entry = a.lab.history.last(a.plan.hostId);
      expect(entry).toEqual({ plan: a.plan, outcome, undoneBy: null });
      const { goal } = a.plan;
      if (goal.kind === 'undo') expect(a.lab.history.list(a.plan.hostId).find((e) => e.plan.id === goal.planId)?.undoneBy).toBe(a.plan.id);
      expect(fs.existsSync(a.lab.journal.file(a.plan.hostId))).toBe(false);
    });
  }

  // Fault injection for every other plan is in run-steps.test.ts; the fleet, 10,394 devices, once here where its machine is ready.
  it('fleet: the last step of the assignment fails, and is rolled back exactly', async () => {
    const c = CASES.find((x) => x.scenario === 'fleet');
    if (c === undefined) throw new Error('no fleet case');
    const { plan } = await arrange(c);
    await failAt(c, plan.steps.length - 1, 'errno');
  });
});

describe('assign, return, undo', () => {
  it('remembers the drivers a plan moved to VFIO, until that plan is undone', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l);
    await applyPlan(plan, l.host(), options(l));
    expect(l.history.remembered('sim:workstation')).toEqual(new Map([[GPU, 'amdgpu'], ['pci/0000:05:00.1', 'snd_hda_intel']]));
    const undo = await makePlan({ kind: 'undo', planId: plan.id }, l.host(), l.history);
    expect(await applyPlan(undo, l.host(), options(l))).toMatchObject({ status: 'done' });
    expect(l.history.remembered('sim:workstation')).toEqual(new Map());
    expect(l.history.list('sim:workstation').map((e) => [e.plan.goal.kind, e.undoneBy])).toEqual([['undo', null], ['assign-vfio', undo.id]]);
  });
});

describe('refusals', () => {
  const finding = (forceable: boolean, severity: Finding['severity'] = 'refuse'): Finding => ({
    code: forceable ? 'active-display' : 'iommu-off', severity, title: forceable ? 'The display in use' : 'IOMMU off',
    detail: forceable ? '0000:05:00.0 drives the screen.' : 'There are no IOMMU groups.',
    remedy: forceable ? 'Use another display.' : 'Add intel_iommu=on to the kernel command line.', devices: [GPU], forceable,
  });

  it('refuses a refusing finding without force, saying which and how to proceed, and touches nothing', async () => {
    const l = lab('workstation');
    const before = await observe(l);
    const plan = await workstationPlan(l, [finding(true)]);
    const outcome = await applyPlan(plan, l.host(), options(l));
    expect(outcome).toMatchObject({ status: 'refused', stepsDone: 0, failedStep: null, error: { code: 'REFUSED' } });
    expect(outcome.error?.detail).toContain('The display in use: 0000:05:00.0 drives the screen.');
    expect(outcome.error?.remedy).toContain('Use another display.');
    expect(outcome.error?.remedy).toContain('--force');
    expect(outcome.devices.find((d) => d.device === GPU)).toEqual({ device: GPU, before: { driver: 'amdgpu', override: null }, after: { driver: 'amdgpu', override: null } });
    expectSameState(await observe(l), before);
    expect(l.history.list('sim:workstation')).toEqual([]);
    expect(fs.existsSync(l.journal.file('sim:workstation'))).toBe(false);
  });

  it('applies it with force; warnings never stop a plan', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l, [finding(true), finding(true, 'warning')]);
    expect(await applyPlan(plan, l.host(), options(l, { force: true }))).toMatchObject({ status: 'done' });
  });

  it('refuses an unforceable finding even with force', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l, [finding(false), finding(true)]);
    const outcome = await applyPlan(plan, l.host(), options(l, { force: true }));
    expect(outcome).toMatchObject({ status: 'refused', error: { code: 'REFUSED' } });
    expect(outcome.error?.detail).toContain('IOMMU off: There are no IOMMU groups. (cannot be overridden)');
    expect(outcome.error?.detail).not.toContain('display');
    expect(outcome.error?.remedy).toContain('intel_iommu=on');
  });

  it('refuses a stale plan: the host changed since it was made, by another process', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l);
    const shown = l.host();
    await shown.scan();
    // Another Bindery (the CLI) moves the GPU's audio function meanwhile.
    const other = l.host();
    await other.perform({ kind: 'unbind', device: 'pci/0000:05:00.1', driver: 'snd_hda_intel' });
    await other.perform({ kind: 'set-override', device: GPU, driver: 'none' });
    const before = await observe(l);
    const outcome = await applyPlan(plan, shown, options(l));
    expect(outcome).toMatchObject({ status: 'refused', error: { code: 'REFUSED', title: 'The host changed since this plan was made' } });
    expect(outcome.error?.detail).toBe('0000:05:00.0 now has driver_override none, the plan expected none; 0000:05:00.1 is now unbound, the plan expected snd_hda_intel.');
    expect(outcome.error?.remedy).toContain('Make a new plan');
    expectSameState(await observe(l), before);
  });

  it('refuses a plan made for another host, or a host that cannot change', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l);
    const q35 = lab('qemu-q35');
    expect(await applyPlan(plan, q35.host(), options(q35))).toMatchObject({ status: 'refused', error: { title: 'Plan for another host' }, devices: [] });
    const host = l.host();
    const readOnly = { info: { ...host.info, readOnly: true }, source: host.source, scan: () => host.scan(), facts: () => host.facts() };
    expect(await applyPlan(plan, readOnly, options(l))).toMatchObject({ status: 'refused', error: { title: 'Host cannot be changed' } });
  });

  it('refuses a plan whose operations are not valid before changing anything', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l);
    const bad: Plan = { ...plan, steps: plan.steps.map((s, i) => (i === 3 ? { ...s, operation: { kind: 'bind', device: GPU, driver: '../../x' } } : s)) };
    const before = await observe(l);
    expect(await applyPlan(bad, l.host(), options(l))).toMatchObject({ status: 'refused', error: { code: 'BAD_INPUT', detail: 'The driver "../../x" is not valid.' } });
    expectSameState(await observe(l), before);
  });
});

describe('cancelled authentication', () => {
  it('ends calmly with nothing changed and nothing recorded', async () => {
    const l = lab('workstation');
    const before = await observe(l);
    const plan = await workstationPlan(l);
    const host = faulty(l.host(), [0, 'cancel']);
    const outcome = await applyPlan(plan, host, options(l));
    expect(outcome).toMatchObject({ status: 'cancelled', error: null, stepsDone: 0, failedStep: null });
    expect(host.asked).toHaveLength(1);
    expectSameState(await observe(l), before);
    expect(l.history.list('sim:workstation')).toEqual([]);
    expect(findInterrupted(l.journal, 'sim:workstation')).toBeNull();
  });
});

describe('one plan at a time per host', () => {
  it('two appliers racing on one host: one applies, the other is refused as busy and changes nothing', async () => {
    const l = lab('workstation');
    const gpu = await workstationPlan(l);
    const nic = await makePlan({ kind: 'unbind', device: 'pci/0000:07:00.0' }, l.host(), l.history);
    // Two Bindery windows, each with its own host object and journal object.
    const [first, second] = await Promise.all([
      applyPlan(gpu, l.host(), options(l)),
      applyPlan(nic, l.host(), { force: false, journal: new Journal(), history: l.history }),
    ]);
    expect(first.status).toBe('done');
    expect(second).toMatchObject({ status: 'refused', error: { title: 'Busy' } });
    expect(second.error?.detail).toContain(`is applying “${gpu.summary}” to sim:workstation now`);
    const now = (await l.host().scan()).devices;
    expect(now.find((d) => d.id === 'pci/0000:07:00.0')?.driver).toBe('xhci_hcd');
    expect(now.find((d) => d.id === GPU)?.driver).toBe('vfio-pci');
    // Once the first is over, the second may go.
    expect(await applyPlan(nic, l.host(), options(l))).toMatchObject({ status: 'done' });
  });

  it('refuses while another process applies, or while an interrupted plan waits', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l);
    const record = {
      version: 1, hostId: 'sim:workstation', plan, devices: [], startedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
      stepsDone: 2, phase: 'applying', step: 2, failedStep: null,
    } as const;
    const bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    // The parent process is alive: a Bindery applying right now.
    l.journal.write({ ...record, owner: { pid: process.ppid, token: 'other', bootId } });
    const busy = await applyPlan(plan, l.host(), options(l));
    expect(busy).toMatchObject({ status: 'refused', error: { title: 'Busy' } });
    expect(findInterrupted(l.journal, 'sim:workstation')).toBeNull();
    // A process of an earlier boot is gone, whatever its pid.
    l.journal.write({ ...record, owner: { pid: process.ppid, token: 'other', bootId: 'an-earlier-boot' } });
    const waiting = await applyPlan(plan, l.host(), options(l));
    expect(waiting).toMatchObject({ status: 'refused', error: { title: 'An interrupted change is waiting' } });
    expect(waiting.error?.detail).toContain('stopped after step 2 of 6');
    expect(findInterrupted(l.journal, 'sim:workstation')).toEqual({ plan, stepsDone: 2, startedAt: record.startedAt });
  });
});

describe('progress', () => {
  it('tells each step applied and verified, then finished', async () => {
    const l = lab('workstation');
    const plan = await makePlan({ kind: 'unbind', device: 'pci/0000:07:00.0' }, l.host(), l.history);
    const seen: ApplyProgress[] = [];
    await applyPlan(plan, l.host(), options(l, { onProgress: (p) => seen.push(p) }));
    expect(seen.map((p) => `${p.phase} ${p.step}/${p.total}`)).toEqual(['applying 0/1', 'verifying 0/1', 'finished 1/1']);
    expect(new Set(seen.map((p) => p.planId))).toEqual(new Set([plan.id]));
  });

  it('tells the rollback of a failed plan', async () => {
    const l = lab('workstation');
    const plan = await workstationPlan(l);
    const seen: string[] = [];
    await applyPlan(plan, faulty(l.host(), [2, 'errno']), options(l, { onProgress: (p) => seen.push(`${p.phase} ${p.step}`) }));
    expect(seen).toEqual(['applying 0', 'verifying 0', 'applying 1', 'verifying 1', 'applying 2', 'rolling-back 1', 'rolling-back 0', 'finished 2']);
  });
});
