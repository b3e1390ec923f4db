// Messages of the development/test bridge: the same API contract over one
// WebSocket on loopback. Calls are answered with Result envelopes; events are
// pushed as they happen.
import { z } from 'zod';
import type { EventName } from './api';
import type { Result } from './errors';

export const BRIDGE_PATH = '/bridge';
/** Query parameter carrying the session token on the WebSocket URL. */
export const TOKEN_PARAM = 'token';
/** Largest message the bridge accepts from a client, in bytes. */
export const MAX_CLIENT_MESSAGE = 64 * 1024;

export const ClientMessageSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  args: z.array(z.unknown()).max(16),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type ServerMessage =
  | { readonly type: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: EventName; readonly payload: unknown };
