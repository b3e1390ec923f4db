// What the host hands the guest program (job.json in the appended initramfs)
// and what the guest prints back, one JSON object a line, on ttyS1.
import type { ObservedState } from './observe';
import type { PlanRecord } from './plan-record';

export interface NamedScript {
  readonly name: string;
  readonly text: string;
}

/** Sysfs scripts run one after another on the machine at its start state. */
export interface ScriptsJob {
  readonly kind: 'scripts';
  /** The scenario's boot steps, which bring the machine to its start state. */
  readonly boot: readonly string[];
  readonly scripts: readonly NamedScript[];
}

/** The plan sequence (plan-sequence.ts) applied by the real engine. */
export interface PlansJob {
  readonly kind: 'plans';
  readonly boot: readonly string[];
  /** The modules.alias the simulated twin plans with, at this path in the guest. */
  readonly modulesAlias: string;
}

export type Job = ScriptsJob | PlansJob;

export type Report =
  | { readonly kind: 'line'; readonly script: string; readonly line: string }
  | { readonly kind: 'start'; readonly state: ObservedState }
  | { readonly kind: 'plan'; readonly record: PlanRecord }
  | { readonly kind: 'time'; readonly phase: string; readonly ms: number }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'done' };
