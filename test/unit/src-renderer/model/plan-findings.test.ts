import { describe, expect, it } from 'vitest';
import { applyGate, groupFindings } from '../../../../src-renderer/model/plan-findings';
import { finding, makePlan } from './make-plan';

const display = finding({ code: 'active-display', title: 'This GPU drives the display in use', forceable: true });
const bootDisk = finding();
const warning = finding({ code: 'child-devices', severity: 'warning', title: 'Devices that go away' });
const note = finding({ code: 'nothing-to-do', severity: 'info', title: 'Nothing to change' });

describe('groupFindings', () => {
  it('puts refusals first (the firm ones before those that can be overridden), then warnings, then notes', () => {
    const groups = groupFindings([note, display, warning, bootDisk]);
    expect(groups.refusals).toEqual([bootDisk, display]);
    expect(groups.warnings).toEqual([warning]);
    expect(groups.notes).toEqual([note]);
  });
});

describe('applyGate', () => {
  it('lets a plan with steps and no refusal apply, warnings or not', () => {
    expect(applyGate(makePlan({ findings: [warning] }))).toEqual({ kind: 'apply' });
  });

  it('needs an acknowledgement for refusals that may be overridden', () => {
    expect(applyGate(makePlan({ findings: [display, warning] }))).toEqual({ kind: 'force', refusals: [display] });
  });

  it('blocks a plan with a refusal that may not be overridden, even beside one that may, and says why', () => {
    const gate = applyGate(makePlan({ findings: [display, bootDisk] }));
    expect(gate).toEqual({ kind: 'blocked', reason: 'Bindery will not apply this plan: This is the boot disk. This cannot be overridden.' });
  });

  it('has nothing to apply when there is no step', () => {
    expect(applyGate(makePlan({ steps: [], findings: [note] })).kind).toBe('nothing');
  });
});
