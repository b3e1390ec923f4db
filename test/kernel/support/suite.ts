// A test file's VM work, done once before its tests: skipped with the reason
// when this machine cannot boot the VM, never passed without running.
import { beforeAll } from 'vitest';
import type { TestContext } from 'vitest';
import { prepare } from './prepare';
import type { Prepared } from './prepare';

/** Up to 15 minutes for a cold cache on a slow link, then the boots themselves. */
const SETUP_TIMEOUT_MS = 25 * 60_000;

export function onRealKernel<T>(setup: (prepared: Prepared) => Promise<T>): (ctx: TestContext) => T {
  let value: { readonly result: T } | null = null;
  let skip: string | null = null;
  beforeAll(async () => {
    if (process.env.BINDERY_KERNEL_VM === 'skip') {
      skip = 'BINDERY_KERNEL_VM=skip';
      return;
    }
    const preparation = await prepare();
    if (!preparation.ok) {
      skip = preparation.skip;
      return;
    }
    value = { result: await setup(preparation.prepared) };
  }, SETUP_TIMEOUT_MS);
  return (ctx) => {
    if (skip !== null) ctx.skip(`no real kernel: ${skip}`);
    if (value === null) throw new Error('the VM work did not finish');
    return value.result;
  };
}
