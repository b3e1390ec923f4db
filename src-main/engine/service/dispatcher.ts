// The transport-neutral edge of the service (VS Code's ProxyChannel idea):
// untrusted (method, args) in, a Result envelope out. Every transport routes
// calls through here, so validation happens in exactly one place.
import { EVENT_NAMES, METHOD_NAMES } from '../../../src-shared/api';
import type { ApiEvents, BinderyApi, EventName, MethodName, Unsubscribe } from '../../../src-shared/api';
import { bindery, toBinderyError } from '../../../src-shared/errors';
import type { Result } from '../../../src-shared/errors';
import { METHOD_ARGS, describeIssue } from '../../../src-shared/schema';

export interface Dispatcher {
  call(method: unknown, args: unknown): Promise<Result<unknown>>;
  subscribe<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): Unsubscribe;
}

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

export function createDispatcher(api: BinderyApi): Dispatcher {
  return {
    async call(method, args) {
      if (!isMethodName(method)) {
        return { ok: false, error: bindery('UNKNOWN_METHOD', 'Unknown request', `There is no method ${JSON.stringify(method)}.`) };
      }
      const parsed = METHOD_ARGS[method].safeParse(args);
      if (!parsed.success) {
        return { ok: false, error: bindery('BAD_INPUT', 'Invalid request', `${method}: ${describeIssue(parsed.error)}.`) };
      }
      try {
        // The schema for `method` produced exactly that method's argument tuple.
        const target = api[method] as (...a: readonly unknown[]) => Promise<unknown>;
        return { ok: true, value: await target(...(parsed.data as readonly unknown[])) };
      } catch (error) {
        return { ok: false, error: toBinderyError(error) };
      }
    },
    subscribe(event, listener) {
      // The contract pairs each event with its payload type; TypeScript cannot follow the pairing through E.
      const subscribe = api[event] as (l: (payload: ApiEvents[typeof event]) => void) => Unsubscribe;
      return subscribe(listener);
    },
  };
}
