// The benchmark must keep working and keep comparing like with like; its
// figures are for `npm run bench`, never asserted here.
import { describe, expect, it } from 'vitest';
import { runBench } from '../../../../src-main/bench/run-bench';

describe('benchmark', () => {
  it('runs on a small scenario, and the engine agrees with lspci and modprobe on the same input', { timeout: 120_000 }, async () => {
    const result = await runBench({ scenario: 'qemu-q35', runs: 1 });
    expect(result.pciDevices).toBeGreaterThan(10);
    expect(result.read.lspciDevices).toBe(result.pciDevices);
    expect(result.candidates.modaliases).toBeGreaterThan(10);
    expect(result.candidates.mismatches).toEqual([]);
    for (const timing of [result.boot, result.read.bindery, result.read.reference, result.candidates.reference]) {
      expect(timing.runsMs.length).toBeGreaterThan(0);
    }
  });
});
