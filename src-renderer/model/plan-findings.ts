// What the safety checks found, as the review dialog shows it: refusals
// first, then warnings, then notes; and whether Apply may be pressed.
import type { Finding, Plan } from '../../src-shared/plan';

export interface FindingGroups {
  /** Refusals that cannot be overridden come before those that can. */
  readonly refusals: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly notes: readonly Finding[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const refusals = findings.filter((f) => f.severity === 'refuse');
  return {
    refusals: [...refusals.filter((f) => !f.forceable), ...refusals.filter((f) => f.forceable)],
    warnings: findings.filter((f) => f.severity === 'warning'),
    notes: findings.filter((f) => f.severity === 'info'),
  };
}

/**
 * `apply`: nothing stops it. `force`: only refusals a person may override
 * stop it; "Apply anyway" needs their acknowledgement. `blocked`: a refusal
 * that may not be overridden. `nothing`: no step to run.
 */
export type ApplyGate =
  | { readonly kind: 'apply' }
  | { readonly kind: 'force'; readonly refusals: readonly Finding[] }
  | { readonly kind: 'blocked'; readonly reason: string }
  | { readonly kind: 'nothing'; readonly reason: string };

function titles(findings: readonly Finding[]): string {
  return findings.map((f) => f.title).join('; ');
}

export function applyGate(plan: Plan): ApplyGate {
  const { refusals } = groupFindings(plan.findings);
  const firm = refusals.filter((f) => !f.forceable);
  if (firm.length > 0) return { kind: 'blocked', reason: `Bindery will not apply this plan: ${titles(firm)}. This cannot be overridden.` };
  if (refusals.length > 0) return { kind: 'force', refusals };
  if (plan.steps.length === 0) return { kind: 'nothing', reason: 'Nothing to change: every device is already as this plan would leave it.' };
  return { kind: 'apply' };
}
