// Turns a transport's Result envelopes back into Promises that reject with a
// BinderyFailure, so UI code handles errors one way whatever the transport.
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/api';
import type { BinderyApi, BinderyTransport } from '../../src-shared/api';
import { BinderyFailure } from '../../src-shared/errors';
import type { Result } from '../../src-shared/errors';

export function apiFromTransport(transport: BinderyTransport): BinderyApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const send = transport[method] as (...args: unknown[]) => Promise<Result<unknown>>;
    api[method] = async (...args: unknown[]) => {
      const result = await send(...args);
      if (!result.ok) throw new BinderyFailure(result.error);
      return result.value;
    };
  }
  for (const event of EVENT_NAMES) api[event] = transport[event];
  return api as BinderyApi;
}
