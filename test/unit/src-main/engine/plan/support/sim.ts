// Simulated hosts for the planner's tests: a scenario's machine in a
// temporary SimStore, its alias file, and the plan, apply and undo moves the
// tests make (steps applied with SimHost.perform, each expectation checked).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { DeviceId, Snapshot } from '../../../../../../src-shared/model';
import type { Check, DeviceOutcome, DriverState, Goal, Operation, Plan } from '../../../../../../src-shared/plan';
import type { AliasDatabase } from '../../../../../../src-main/engine/alias/database';
import { loadAliasDatabase } from '../../../../../../src-main/engine/alias/database';
import type { Host } from '../../../../../../src-main/engine/host/host';
import { SimHost } from '../../../../../../src-main/engine/host/sim-host';
import { SimStore } from '../../../../../../src-main/engine/host/sim-store';
import type { SystemFacts } from '../../../../../../src-main/engine/host/system-facts';
import { openIdDatabase } from '../../../../../../src-main/engine/ids/id-database';
import { LinuxHost } from '../../../../../../src-main/engine/host/linux-host';
import { operationTarget } from '../../../../../../src-main/engine/ops/operation-target';
import { planGoal } from '../../../../../../src-main/engine/plan/plan-goal';
import type { SimMachine } from '../../../../../../src-main/engine/sim/machine';
import { bootScenario, listScenarios } from '../../../../../../src-main/engine/sim/scenarios/load';
import { scanSysfs } from '../../../../../../src-main/engine/sysfs/scan';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const databases = new Map<string, AliasDatabase>();

export function aliasesFor(file: string): AliasDatabase {
  let db = databases.get(file);
  if (!db) {
    db = loadAliasDatabase({ root: '/', kernelRelease: null, modulesAliasFile: file });
    databases.set(file, db);
  }
  return db;
}

export interface TestHost {
  readonly host: SimHost;
  readonly aliases: AliasDatabase;
}

/** A scenario at its start state, saved in a temporary directory of its own. */
export function simHost(scenario: string): TestHost {
  const summary = listScenarios().find((s) => s.name === scenario);
  if (!summary?.kernelRelease || !summary.modulesAliasFile) throw new Error(`scenario ${scenario} does not boot: ${summary?.error}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-plan-'));
  dirs.push(dir);
  const host = new SimHost({ scenario, kernelRelease: summary.kernelRelease, store: new SimStore(dir), ids: openIdDatabase() });
  return { host, aliases: aliasesFor(summary.modulesAliasFile) };
}

/** A scenario of the tests' own making (a variant of a shipped one), booted in memory. */
export function variantHost(scenario: Readonly<Record<string, unknown>>): { readonly host: Host; readonly aliases: AliasDatabase } {
  const machine: SimMachine = bootScenario(scenario);
  const info = { id: `sim:${String(scenario.name)}`, kind: 'sim', label: String(scenario.name), root: '/', kernelRelease: machine.kernelRelease, readOnly: false } as const;
  const ids = openIdDatabase();
  const host: Host = {
    info,
    source: machine.source,
    scan: async () => scanSysfs({ root: '/', source: machine.source, host: info, ids }),
    facts: async () => {
      const facts = machine.facts();
      return {
        mounts: facts.mounts, defaultRouteInterfaces: facts.defaultRoute, activeDisplays: facts.display === null ? [] : [facts.display],
        vfioGroupsInUse: facts.vfioGroupsInUse, blacklistedModules: [], availableModules: machine.installedModules(),
      };
    },
    perform: async (operation) => {
      const op = operationTarget(operation);
      const result = op.kind === 'write' ? machine.write(op.path, op.data) : machine.modprobe(op.module);
      return result.ok ? { ok: true } : { ok: false, errno: result.errno, message: result.errno };
    },
  };
  return { host, aliases: aliasesFor(path.join('data', 'modules-alias', String(scenario.modulesAlias))) };
}

/** A shipped scenario's file as data, to make variants of. */
export function scenarioData(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join('data', 'scenarios', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export const FIXTURE_ALIASES = 'test/fixtures/modules-alias/modules.alias.debian-6.12.113-amd64';

/** A captured tree read by LinuxHost: it cannot tell mounts, routes or displays. */
export function capturedHost(root = 'test/fixtures/sysfs/workstation'): { readonly host: LinuxHost; readonly aliases: AliasDatabase } {
  return { host: new LinuxHost({ root, ids: openIdDatabase() }), aliases: aliasesFor(FIXTURE_ALIASES) };
}

/** A copy of a fixture tree in a temporary directory, to add to. */
export function treeCopy(from = 'test/fixtures/sysfs/workstation'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-plan-tree-'));
  dirs.push(dir);
  fs.cpSync(from, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

export interface PlanOptions {
  readonly remembered?: ReadonlyMap<DeviceId, string>;
  readonly undoOf?: { readonly plan: Plan; readonly before: readonly DeviceOutcome[] } | null;
  readonly facts?: Partial<SystemFacts>;
}

let planCount = 0;

export async function planOn(target: { readonly host: Host; readonly aliases: AliasDatabase }, goal: Goal, options: PlanOptions = {}): Promise<Plan> {
  const snapshot = await target.host.scan();
  const facts = { ...(await target.host.facts()), ...options.facts };
  planCount += 1;
  return planGoal({
    goal, snapshot, facts, aliases: target.aliases, root: target.host.info.root, source: target.host.source,
    remembered: options.remembered ?? new Map(), undoOf: options.undoOf ?? null,
    id: `plan-${planCount}`, now: new Date('2026-05-01T12:00:00Z'),
  });
}

export function stateOf(snapshot: Snapshot, id: DeviceId): DriverState {
  const device = snapshot.devices.find((d) => d.id === id);
  if (!device) throw new Error(`no device ${id}`);
  return { driver: device.driver, override: device.driverOverride };
}

/** Driver and override of every device: what plans change. */
export async function bindings(host: Host): Promise<Record<DeviceId, DriverState>> {
  const snapshot = await host.scan();
  return Object.fromEntries(snapshot.devices.map((d) => [d.id, { driver: d.driver, override: d.driverOverride }]));
}

async function holds(host: SimHost, check: Check): Promise<boolean> {
  if (check.kind === 'module-loaded') return host.source.isDirectory(`/sys/module/${check.module}`);
  const state = stateOf(await host.scan(), check.device);
  return (check.kind === 'driver' ? state.driver : state.override) === check.driver;
}

async function perform(host: SimHost, operation: Operation): Promise<void> {
  expect(await host.perform(operation), JSON.stringify(operation)).toEqual({ ok: true });
}

/** Runs the steps with SimHost.perform, checking every precondition before and expectation after. */
export async function applyPlan(host: SimHost, plan: Plan): Promise<void> {
  for (const step of plan.steps) {
    for (const check of step.preconditions) expect(await holds(host, check), `before ${step.description}: ${JSON.stringify(check)}`).toBe(true);
    await perform(host, step.operation);
    for (const check of step.expect) expect(await holds(host, check), `after ${step.description}: ${JSON.stringify(check)}`).toBe(true);
  }
}

/** Runs the inverses of the first `count` steps in reverse, as a rollback does. */
export async function rollBack(host: SimHost, plan: Plan, count = plan.steps.length): Promise<void> {
  for (const step of plan.steps.slice(0, count).reverse()) {
    if (step.inverse) await perform(host, step.inverse);
  }
}

/** Every device the plan touches is as its `after` says. */
export async function expectAfter(host: Host, plan: Plan): Promise<void> {
  const snapshot = await host.scan();
  for (const device of plan.devices) expect(stateOf(snapshot, device.device), device.device).toEqual(device.after);
}

export function outcomesOf(plan: Plan): DeviceOutcome[] {
  return plan.devices.map(({ device, before, after }) => ({ device, before, after }));
}

export function codes(plan: Plan): string[] {
  return plan.findings.map((f) => `${f.severity}:${f.code}`);
}
