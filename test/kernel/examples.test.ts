// The harness proves itself: the two scripts whose real-kernel output is
// recorded (test/fixtures/kernel-vm/examples) print exactly that output when
// run, in that order, on one boot of the test VM.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesOf, unfinished } from './support/reports';
import { BOOT_STEPS, EXAMPLES } from './support/scenario';
import { onRealKernel } from './support/suite';
import { runJob } from './support/vm';

const NAMES = ['start-state', 'vfio-switch'];
const read = (file: string): string => fs.readFileSync(path.join(EXAMPLES, file), 'utf8');

describe('the real kernel prints the recorded examples', () => {
  const vm = onRealKernel((prepared) =>
    runJob(prepared, 'examples', { kind: 'scripts', boot: BOOT_STEPS, scripts: NAMES.map((name) => ({ name, text: read(`${name}.sysfs`) })) }));

  it('boots to the start state: every boot step succeeds', (ctx) => {
    const run = vm(ctx);
    expect(unfinished(run)).toBeNull();
    expect(linesOf(run, 'boot')).toEqual(BOOT_STEPS.map((step) => `${step} => ok`));
  });

  for (const name of NAMES) {
    it(name, (ctx) => {
      expect(`${linesOf(vm(ctx), name).join('\n')}\n`).toBe(read(`${name}.out`));
    });
  }
});
