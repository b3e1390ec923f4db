// Findings as plans carry them: refusals first, then warnings, then notes,
// each group in the order the checks ran.
import type { Device, DeviceId } from '../../../src-shared/model';
import type { Finding, FindingSeverity } from '../../../src-shared/plan';

export interface FindingText {
  readonly title: string;
  readonly detail: string;
  readonly remedy: string | null;
}

export function finding(
  code: string, severity: FindingSeverity, text: FindingText, devices: readonly (Device | DeviceId)[], forceable: boolean,
): Finding {
  const ids = devices.map((d) => (typeof d === 'string' ? d : d.id));
  return { code, severity, ...text, devices: [...new Set(ids)], forceable: severity === 'refuse' && forceable };
}

const RANK: Readonly<Record<FindingSeverity, number>> = { refuse: 0, warning: 1, info: 2 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).map(({ f }) => f);
}
