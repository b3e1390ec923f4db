// A real host with one thing going wrong at the n-th operation it is asked
// to perform (0-based, counting every call: steps, then undos).
import type { Operation } from '../../../../../../src-shared/plan';
import type { Host, OperationResult } from '../../../../../../src-main/engine/host/host';

export type Fault =
  /** The kernel refuses the write. */
  | 'errno'
  /** The write "succeeds" and nothing happens (kernel-abi.md 1.3). */
  | 'no-effect'
  /** Authentication is cancelled. */
  | 'cancel'
  /** The operation happens, then the process dies before looking. */
  | 'dies-after'
  /** The process dies before the operation reaches the kernel. */
  | 'dies-before'
  /** This and every later write is refused: nothing can be undone. */
  | 'errno-from';

export class ProcessDied extends Error {
  constructor() {
    super('process died');
  }
}

export interface FaultyHost extends Host {
  /** Operations asked for so far, in order. */
  readonly asked: Operation[];
}

/** `faults`: which call goes wrong and how, e.g. `[2, 'errno']` (a later `dies-after` can stop the rollback too). */
export function faulty(inner: Host, ...faults: readonly (readonly [at: number, fault: Fault])[]): FaultyHost {
  const asked: Operation[] = [];
  return {
    info: inner.info,
    get source() {
      return inner.source;
    },
    scan: () => inner.scan(),
    facts: () => inner.facts(),
    asked,
    async perform(operation: Operation): Promise<OperationResult> {
      if (inner.perform === undefined) throw new Error('inner host cannot perform');
      const n = asked.length;
      asked.push(operation);
      const fault = faults.find(([at, f]) => n === at || (f === 'errno-from' && n > at))?.[1];
      switch (fault) {
        case undefined:
          return inner.perform(operation);
        case 'errno':
        case 'errno-from':
          return { ok: false, errno: 'EIO', message: 'injected failure: EIO' };
        case 'no-effect':
          return { ok: true };
        case 'cancel':
          return { ok: false, errno: 'ECANCELED', message: 'Authentication was cancelled' };
        case 'dies-before':
          throw new ProcessDied();
        case 'dies-after':
          await inner.perform(operation);
          throw new ProcessDied();
      }
    },
  };
}
