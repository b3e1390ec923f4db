// A plan as a person reviews it in a terminal: every device with its driver
// before and after, every step, and what the safety checks found.
import type { Finding, Outcome, Plan } from '../../../src-shared/plan';
import { table } from './table';

const SYMBOL = { refuse: '✗', warning: '!', info: 'i' } as const;

function state(driver: string | null, override: string | null): string {
  const bound = driver ?? 'no driver';
  return override === null ? bound : `${bound} (override ${override})`;
}

function device(id: string): string {
  return id.startsWith('pci/') ? id.slice(4) : id;
}

export function findingText(finding: Finding): string {
  const forced = finding.severity === 'refuse' && finding.forceable ? ' (--force overrides this)' : '';
  return [
    `${SYMBOL[finding.severity]} ${finding.title}${forced}`,
    `  ${finding.detail}`,
    ...(finding.remedy ? [`  What to do: ${finding.remedy}`] : []),
  ].join('\n');
}

export function planText(plan: Plan): string {
  const lines = [plan.summary, ''];
  if (plan.devices.length > 0) {
    lines.push(table(
      ['DEVICE', 'ROLE', 'BEFORE', 'AFTER', 'DESCRIPTION'],
      plan.devices.map((d) => [device(d.device), d.role, state(d.before.driver, d.before.override), state(d.after.driver, d.after.override), d.label]),
    ), '');
  }
  if (plan.steps.length > 0) {
    lines.push('Steps:', ...plan.steps.map((s) => `${String(s.index + 1).padStart(3)}. ${s.description}`), '');
  } else {
    lines.push('Nothing to do.', '');
  }
  for (const finding of plan.findings) lines.push(findingText(finding), '');
  return lines.join('\n').trimEnd();
}

/** Findings that stop the plan unless forced (or at all). */
export function refusals(plan: Plan, force: boolean): Finding[] {
  return plan.findings.filter((f) => f.severity === 'refuse' && (!f.forceable || !force));
}

export function outcomeText(outcome: Outcome): string {
  const headline = {
    done: 'Done: every step applied and verified.',
    'rolled-back': 'Failed, and rolled back: every device is as it was before.',
    'rollback-failed': 'Failed, and rolling back did not bring everything back. Look at the devices below.',
    refused: 'Refused: nothing changed.',
    cancelled: 'Authentication was cancelled; nothing changed.',
  }[outcome.status];
  const lines = [headline];
  if (outcome.error) lines.push(`${outcome.error.title}: ${outcome.error.detail}`, ...(outcome.error.remedy ? [outcome.error.remedy] : []));
  if (outcome.devices.length > 0) {
    lines.push('', table(['DEVICE', 'BEFORE', 'AFTER'], outcome.devices.map((d) => [
      device(d.device), state(d.before.driver, d.before.override), state(d.after.driver, d.after.override),
    ])));
  }
  return lines.join('\n');
}
