// Every goal on every scenario: what to apply, what must be applied first
// (an assignment before a return or an undo), and what the machine must look
// like afterwards. Shared by the end-to-end, fault-injection and recovery tests.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { DeviceId, Snapshot } from '../../../../../../src-shared/model';
import type { Goal, Plan } from '../../../../../../src-shared/plan';
import { applyPlan } from '../../../../../../src-main/engine/apply/apply-plan';
import type { ApplyOptions } from '../../../../../../src-main/engine/apply/apply-plan';
import type { HistoryStore } from '../../../../../../src-main/engine/apply/history';
import { isVfioDriver } from '../../../../../../src-shared/driver-kinds';
import type { Host } from '../../../../../../src-main/engine/host/host';
import type { SimState } from '../../../../../../src-main/engine/sim/kernel/state';
import type { AliasDatabase } from '../../../../../../src-main/engine/alias/database';
import { loadAliasDatabase } from '../../../../../../src-main/engine/alias/database';
import { planGoal } from '../../../../../../src-main/engine/plan/plan-goal';
import { listScenarios } from '../../../../../../src-main/engine/sim/scenarios/load';
import { normalisedMachine, normalisedSnapshot } from './compare';
import type { Lab, Prepared } from './lab';
import { lab } from './lab';

/** A device's wanted driver and override; `vfio` is any VFIO driver, named by the override too. Left out: unchanged. */
export interface Want {
  readonly driver?: string | null | 'vfio';
  readonly override?: string | null | 'vfio';
}

type GoalOf = Goal | ((lastPlanId: string) => Goal);

export interface Case {
  readonly scenario: string;
  readonly name: string;
  /** Goals applied before the one tested. */
  readonly setup: readonly GoalOf[];
  readonly goal: GoalOf;
  /** The plan has a refusal the user may force. */
  readonly force?: boolean;
  /** `initial`: exactly as the scenario starts (modules loaded on the way aside); else the devices that change. */
  readonly want: 'initial' | Readonly<Record<DeviceId, Want>>;
}

const VFIO: Want = { driver: 'vfio', override: 'vfio' };
const assign = (...devices: DeviceId[]): Goal => ({ kind: 'assign-vfio', devices });
const back = (...devices: DeviceId[]): Goal => ({ kind: 'return-to-host', devices });
const undoLast = (planId: string): Goal => ({ kind: 'undo', planId });

/** Every goal on each scenario; the fleet only for one plan (it is 10,394 devices). */
export const CASES: readonly Case[] = [
  // A GPU alone in its group with its HDMI audio.
  { scenario: 'workstation', name: 'assign-vfio', setup: [], goal: assign('pci/0000:05:00.0'), want: { 'pci/0000:05:00.0': VFIO, 'pci/0000:05:00.1': VFIO } },
  { scenario: 'workstation', name: 'return-to-host', setup: [assign('pci/0000:05:00.0')], goal: back('pci/0000:05:00.0'), want: 'initial' },
  { scenario: 'workstation', name: 'undo', setup: [assign('pci/0000:05:00.0')], goal: undoLast, want: 'initial' },
  { scenario: 'workstation', name: 'bind', setup: [{ kind: 'unbind', device: 'pci/0000:07:00.0' }], goal: { kind: 'bind', device: 'pci/0000:07:00.0', driver: 'xhci_hcd' }, want: 'initial' },
  { scenario: 'workstation', name: 'unbind', setup: [], goal: { kind: 'unbind', device: 'pci/0000:07:00.0' }, want: { 'pci/0000:07:00.0': { driver: null } } },
  { scenario: 'workstation', name: 'set-override', setup: [], goal: { kind: 'set-override', device: 'pci/0000:00:16.0', driver: 'vfio-pci' }, want: { 'pci/0000:00:16.0': VFIO } },
  { scenario: 'workstation', name: 'clear-override', setup: [{ kind: 'set-override', device: 'pci/0000:00:16.0', driver: 'vfio-pci' }], goal: { kind: 'clear-override', device: 'pci/0000:00:16.0' }, want: 'initial' },

  // A VF in its own group, on mlx5's VFIO variant driver.
  { scenario: 'sriov-server', name: 'assign-vfio', setup: [], goal: assign('pci/0000:3b:00.2'), want: { 'pci/0000:3b:00.2': VFIO } },
  { scenario: 'sriov-server', name: 'return-to-host', setup: [assign('pci/0000:3b:00.2')], goal: back('pci/0000:3b:00.2'), want: 'initial' },
  { scenario: 'sriov-server', name: 'undo', setup: [assign('pci/0000:3b:00.2')], goal: undoLast, want: 'initial' },
  { scenario: 'sriov-server', name: 'bind', setup: [{ kind: 'unbind', device: 'pci/0000:03:00.1' }], goal: { kind: 'bind', device: 'pci/0000:03:00.1', driver: 'igb' }, want: 'initial' },
  { scenario: 'sriov-server', name: 'unbind', setup: [], goal: { kind: 'unbind', device: 'pci/0000:03:00.1' }, want: { 'pci/0000:03:00.1': { driver: null } } },
  { scenario: 'sriov-server', name: 'set-override', setup: [], goal: { kind: 'set-override', device: 'pci/0000:3b:00.4', driver: 'vfio-pci' }, want: { 'pci/0000:3b:00.4': VFIO } },
  { scenario: 'sriov-server', name: 'clear-override', setup: [{ kind: 'set-override', device: 'pci/0000:3b:00.4', driver: 'vfio-pci' }], goal: { kind: 'clear-override', device: 'pci/0000:3b:00.4' }, want: 'initial' },

  // The xHCI shares its group with the PCH's SRAM; vfio_pci is not loaded yet.
  { scenario: 'igpu-mdev', name: 'assign-vfio', setup: [], goal: assign('pci/0000:00:14.0'), want: { 'pci/0000:00:14.0': VFIO, 'pci/0000:00:14.2': VFIO } },
  // The SRAM had no driver before, so no host driver takes it back: a refusal the user may force.
  { scenario: 'igpu-mdev', name: 'return-to-host', setup: [assign('pci/0000:00:14.0')], goal: back('pci/0000:00:14.0'), force: true, want: 'initial' },
  { scenario: 'igpu-mdev', name: 'undo', setup: [assign('pci/0000:00:14.0')], goal: undoLast, want: 'initial' },
  { scenario: 'igpu-mdev', name: 'bind', setup: [{ kind: 'unbind', device: 'pci/0000:00:17.0' }], goal: { kind: 'bind', device: 'pci/0000:00:17.0', driver: 'ahci' }, want: 'initial' },
  { scenario: 'igpu-mdev', name: 'unbind', setup: [], goal: { kind: 'unbind', device: 'pci/0000:00:17.0' }, want: { 'pci/0000:00:17.0': { driver: null } } },
  { scenario: 'igpu-mdev', name: 'set-override', setup: [], goal: { kind: 'set-override', device: 'pci/0000:00:16.0', driver: 'vfio-pci' }, want: { 'pci/0000:00:16.0': VFIO } },
  { scenario: 'igpu-mdev', name: 'clear-override', setup: [{ kind: 'set-override', device: 'pci/0000:00:16.0', driver: 'vfio-pci' }], goal: { kind: 'clear-override', device: 'pci/0000:00:16.0' }, want: 'initial' },

  // An xHCI in its own group; vDPA devices moved between vhost_vdpa and virtio_vdpa.
  { scenario: 'dpu', name: 'assign-vfio', setup: [], goal: assign('pci/0000:06:00.3'), want: { 'pci/0000:06:00.3': VFIO } },
  { scenario: 'dpu', name: 'return-to-host', setup: [assign('pci/0000:06:00.3')], goal: back('pci/0000:06:00.3'), want: 'initial' },
  { scenario: 'dpu', name: 'undo', setup: [assign('pci/0000:06:00.3')], goal: undoLast, want: 'initial' },
  { scenario: 'dpu', name: 'bind', setup: [], goal: { kind: 'bind', device: 'vdpa/vdpa0', driver: 'virtio_vdpa' }, want: { 'vdpa/vdpa0': { driver: 'virtio_vdpa' } } },
  { scenario: 'dpu', name: 'unbind', setup: [], goal: { kind: 'unbind', device: 'pci/0000:00:14.0' }, want: { 'pci/0000:00:14.0': { driver: null } } },
  { scenario: 'dpu', name: 'set-override', setup: [], goal: { kind: 'set-override', device: 'vdpa/vdpa0', driver: 'virtio_vdpa' }, want: { 'vdpa/vdpa0': { driver: 'virtio_vdpa', override: 'virtio_vdpa' } } },
  { scenario: 'dpu', name: 'clear-override', setup: [], goal: { kind: 'clear-override', device: 'vdpa/vdpa1' }, want: { 'vdpa/vdpa1': { override: null } } },

  // Two NICs behind a conventional PCI bridge share a group; the bridge stays.
  { scenario: 'qemu-q35', name: 'assign-vfio', setup: [], goal: assign('pci/0000:01:01.0'), want: { 'pci/0000:01:01.0': VFIO, 'pci/0000:01:02.0': VFIO } },
  { scenario: 'qemu-q35', name: 'return-to-host', setup: [assign('pci/0000:01:01.0')], goal: back('pci/0000:01:01.0'), want: 'initial' },
  { scenario: 'qemu-q35', name: 'undo', setup: [assign('pci/0000:01:01.0')], goal: undoLast, want: 'initial' },
  { scenario: 'qemu-q35', name: 'bind', setup: [{ kind: 'unbind', device: 'pci/0000:00:06.0' }], goal: { kind: 'bind', device: 'pci/0000:00:06.0', driver: 'igb' }, want: 'initial' },
  { scenario: 'qemu-q35', name: 'unbind', setup: [], goal: { kind: 'unbind', device: 'pci/0000:00:06.0' }, want: { 'pci/0000:00:06.0': { driver: null } } },
  { scenario: 'qemu-q35', name: 'set-override', setup: [], goal: { kind: 'set-override', device: 'pci/0000:00:02.0', driver: 'vfio-pci' }, want: { 'pci/0000:00:02.0': VFIO } },
  { scenario: 'qemu-q35', name: 'clear-override', setup: [{ kind: 'set-override', device: 'pci/0000:00:02.0', driver: 'vfio-pci' }], goal: { kind: 'clear-override', device: 'pci/0000:00:02.0' }, want: 'initial' },

  // One VF of 10,240.
  { scenario: 'fleet', name: 'assign-vfio', setup: [], goal: assign('pci/0000:01:01.0'), want: { 'pci/0000:01:01.0': VFIO } },
];

export function caseName(c: Case): string {
  return `${c.scenario}: ${c.name}`;
}

const aliases = new Map<string, AliasDatabase>();

function aliasesOf(hostId: string): AliasDatabase {
  const scenario = hostId.replace(/^sim:/, '');
  let db = aliases.get(scenario);
  if (db === undefined) {
    const file = listScenarios().find((s) => s.name === scenario)?.modulesAliasFile;
    if (!file) throw new Error(`no modules.alias for ${scenario}`);
    db = loadAliasDatabase({ root: '/', kernelRelease: null, modulesAliasFile: file });
    aliases.set(scenario, db);
  }
  return db;
}

/** The planner's plan for `goal` on the host as it is now (`snapshot` when just scanned). */
export async function makePlan(goal: Goal, host: Host, history: HistoryStore, snapshot?: Snapshot): Promise<Plan> {
  const hostId = host.info.id;
  const undone = goal.kind === 'undo' ? history.list(hostId).find((e) => e.plan.id === goal.planId) : undefined;
  return planGoal({
    goal,
    snapshot: snapshot ?? await host.scan(),
    facts: await host.facts(),
    aliases: aliasesOf(hostId),
    root: host.info.root,
    source: host.source,
    remembered: history.remembered(hostId),
    undoOf: undone === undefined ? null : { plan: undone.plan, before: undone.outcome.devices },
    id: randomUUID(),
    now: new Date(),
  });
}

/** What a machine looks like: its scan and its saved state. */
export interface Observed {
  readonly snapshot: Snapshot;
  /** Read when first asked for: the fleet's is 10 MB. */
  saved(): SimState;
}

/** The machine once udev has done its work (renaming new netdevs): a moment later on a real one. */
export async function observe(l: Lab): Promise<Observed> {
  const host = l.host();
  host.change((machine) => machine.settle());
  const snapshot = await host.scan();
  const saved = l.saved() as SimState;
  return { snapshot, saved: () => saved };
}

export interface Arranged {
  /** The scenario's start. */
  readonly initial: Observed;
  /** After the setup: where the tested plan starts. */
  readonly start: Observed;
  readonly prepared: Prepared;
  /** The case's plan, made once on the start state. */
  readonly plan: Plan;
}

const arranged = new Map<Case, Promise<Arranged>>();

async function arrangeOnce(c: Case): Promise<Arranged> {
  const l = lab(c.scenario);
  const initial = await observe(l);
  let last = '';
  for (const step of c.setup) {
    const goal = typeof step === 'function' ? step(last) : step;
    const host = l.host();
    const plan = await makePlan(goal, host, l.history);
    const outcome = await applyPlan(plan, host, { force: true, journal: l.journal, history: l.history });
    if (outcome.status !== 'done') throw new Error(`setup of ${caseName(c)} ended ${outcome.status}: ${outcome.error?.detail}`);
    last = plan.id;
  }
  const goal = typeof c.goal === 'function' ? c.goal(last) : c.goal;
  const start = c.setup.length === 0 ? initial : await observe(l);
  return { initial, start, prepared: l.prepared(), plan: await makePlan(goal, l.host(), l.history, start.snapshot) };
}

export interface Ready extends Arranged {
  readonly lab: Lab;
  /** How the case applies its plan: with force where it says so, journal and history in the lab. */
  readonly options: ApplyOptions;
}

/** A fresh lab where the case's plan starts, and the plan. */
export async function arrange(c: Case): Promise<Ready> {
  let done = arranged.get(c);
  if (done === undefined) {
    done = arrangeOnce(c);
    arranged.set(c, done);
  }
  const a = await done;
  const l = lab(c.scenario, a.prepared);
  return { ...a, lab: l, options: { force: c.force ?? false, journal: l.journal, history: l.history } };
}

/** The machine is exactly as `reference` was, but for modules loaded since (their inverse is none). */
export function expectSameState(now: Observed, reference: Observed): void {
  expect(normalisedSnapshot(now.snapshot, reference.snapshot)).toEqual(normalisedSnapshot(reference.snapshot));
  expect(normalisedMachine(now.saved(), { reference: reference.saved() })).toEqual(normalisedMachine(reference.saved()));
}

function wanted(value: string | null | 'vfio' | undefined, now: string | null, was: string | null, other: string | null): boolean {
  if (value === undefined) return now === was;
  if (value === 'vfio') return now !== null && isVfioDriver(now) && now === other;
  return now === value;
}

/** The case's goal reached: the devices it names as wanted, every other device as it was. */
export function expectGoalReached(c: Case, now: Observed, a: Arranged): void {
  if (c.want === 'initial') {
    expectSameState(now, a.initial);
    return;
  }
  const want = c.want;
  const start = new Map(a.start.snapshot.devices.map((d) => [d.id, d]));
  const wrong = now.snapshot.devices.flatMap((device) => {
    const was = start.get(device.id);
    if (was === undefined) return [];
    const w = want[device.id] ?? {};
    const ok = wanted(w.driver, device.driver, was.driver, device.driverOverride)
      && wanted(w.override, device.driverOverride, was.driverOverride, device.driver);
    return ok ? [] : [`${device.id}: ${device.driver} / ${device.driverOverride}`];
  });
  expect(wrong).toEqual([]);
  // Devices come and go only below a device whose driver changed (a netdev, a virtio device).
  const moved = a.plan.devices.flatMap((d) => start.get(d.device)?.sysfsPath ?? []);
  const below = (path: string) => moved.some((m) => path.startsWith(`${m}/`));
  const ids = (snapshot: Snapshot) => snapshot.devices.filter((d) => !below(d.sysfsPath)).map((d) => d.id);
  expect(ids(now.snapshot)).toEqual(ids(a.start.snapshot));
}
