// The closed grammar of helper requests: every field named, typed and bounded.
// Unknown keys, wrong types, control characters and path parts are refused
// before anything is looked at, naming the field that was wrong.
import { z } from 'zod';
import type { Operation } from '../../../../src-shared/plan';
import { PersistedDeviceSchema } from '../../persist/persisted-schema';
import { changeError } from './answers';
import type { ChangeError, HelperRequest, Verb } from './protocol';
import { MAX_OPERATIONS } from './protocol';
import { DeviceIdSchema, DriverNameSchema, ModuleNameSchema, PciAddressSchema } from './name-schemas';

export const OperationSchema: z.ZodType<Operation> = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('set-override'), device: DeviceIdSchema, driver: DriverNameSchema.nullable() }),
    z.strictObject({ kind: z.literal('unbind'), device: DeviceIdSchema, driver: DriverNameSchema }),
    z.strictObject({ kind: z.literal('bind'), device: DeviceIdSchema, driver: DriverNameSchema }),
    z.strictObject({ kind: z.literal('probe'), device: DeviceIdSchema }),
    z.strictObject({ kind: z.literal('load-module'), module: ModuleNameSchema }),
  ],
  { error: 'the kind is one of set-override, unbind, bind, probe, load-module' },
);

const ApplySchema = z.strictObject({ operations: z.array(OperationSchema).min(1).max(MAX_OPERATIONS) });
const UnpersistSchema = z.strictObject({ device: PciAddressSchema });
const RestoreSchema = z.strictObject({ device: PciAddressSchema.optional() });

export type ParsedRequest = { readonly ok: true; readonly request: HelperRequest } | { readonly ok: false; readonly error: ChangeError };

function check<T>(schema: z.ZodType<T>, body: unknown, build: (data: T) => HelperRequest): ParsedRequest {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, request: build(parsed.data) };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the request';
  return { ok: false, error: changeError('EINVAL', 'Bad request', `${where}: ${issue?.message ?? 'not valid'}. Nothing was changed.`) };
}

/** The request body for `verb` (everything but the verb, which comes from argv), checked. */
export function parseRequest(verb: Verb, body: unknown): ParsedRequest {
  switch (verb) {
    case 'apply':
      return check(ApplySchema, body, (data) => ({ verb, ...data }));
    case 'persist':
      return check(PersistedDeviceSchema, body, (data) => ({ verb, ...data }));
    case 'unpersist':
      return check(UnpersistSchema, body, (data) => ({ verb, ...data }));
    case 'restore':
      return check(RestoreSchema, body, (data) => ({ verb, ...data }));
  }
}
