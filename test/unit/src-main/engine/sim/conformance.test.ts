// The ABI conformance suite: every script in test/fixtures/sim-scripts runs
// on a freshly booted machine of the scenario it names and must print its
// `.out` exactly. Each script cites the kernel-abi.md sections it checks.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../../../src-main/engine/sim/script/run';
import { SCRIPTS_DIR, boot, readFixture, scenarioOf, scriptNames } from './support/machines';

describe('ABI conformance scripts', () => {
  it('there are scripts, each with its expected output', () => {
    expect(scriptNames().length).toBeGreaterThanOrEqual(15);
  });

  for (const name of scriptNames()) {
    it(name, () => {
      const script = readFixture(SCRIPTS_DIR, `${name}.sysfs`);
      const printed = runScript(boot(scenarioOf(script)), script);
      expect(printed).toEqual(readFixture(SCRIPTS_DIR, `${name}.out`).split('\n').slice(0, -1));
    });
  }
});
