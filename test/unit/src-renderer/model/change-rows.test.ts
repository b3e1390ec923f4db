import { describe, expect, it } from 'vitest';
import { outcomeRows, planRows } from '../../../../src-renderer/model/change-rows';
import { makeOutcome, makePlan } from './make-plan';

describe('planRows', () => {
  it('every device of the plan with its role, reason, and binding before and after', () => {
    const rows = planRows(makePlan());
    expect(rows.map((r) => [r.device, r.role, r.before.driver, r.after.driver])).toEqual([
      ['pci/0000:05:00.0', 'target', 'amdgpu', 'vfio-pci'],
      ['pci/0000:05:00.1', 'slot-companion', 'snd_hda_intel', 'vfio-pci'],
    ]);
    expect(rows.every((r) => r.expected === null)).toBe(true);
  });
});

describe('outcomeRows', () => {
  it('after a done run, each device from the outcome, labelled from the plan', () => {
    const rows = outcomeRows(makePlan(), makeOutcome());
    expect(rows[1]?.label).toBe('AMD/ATI Navi 21/23 HDMI/DP Audio Controller');
    expect(rows.every((r) => r.expected === null && r.role === null)).toBe(true);
  });

  it('after a rollback, every device is expected where it was before', () => {
    const outcome = makeOutcome({ status: 'rollback-failed', failedStep: 2 });
    expect(outcomeRows(makePlan(), outcome).map((r) => r.expected?.driver)).toEqual(['amdgpu', 'snd_hda_intel']);
  });
});
