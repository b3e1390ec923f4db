// The simulator must print what the real kernel printed in the test VM
// (test/fixtures/kernel-vm/examples): start-state, then vfio-switch, on one
// freshly booted qemu-q35 machine, byte for byte.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../../../src-main/engine/sim/script/run';
import { EXAMPLES_DIR, boot, readFixture } from './support/machines';

describe('qemu-q35 prints what the real kernel printed', () => {
  it('start-state then vfio-switch, byte for byte', () => {
    const machine = boot('qemu-q35');
    for (const name of ['start-state', 'vfio-switch']) {
      const printed = `${runScript(machine, readFixture(EXAMPLES_DIR, `${name}.sysfs`)).join('\n')}\n`;
      expect(printed, name).toBe(readFixture(EXAMPLES_DIR, `${name}.out`));
    }
  });
});
