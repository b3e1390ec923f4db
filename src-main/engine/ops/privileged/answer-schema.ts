// The helper's answer is input like any other: the client checks it before it
// believes a word of it.
import { z } from 'zod';
import type { OperationResult } from '../../host/host';
import { MAX_PERSISTED } from '../../persist/persisted-schema';
import type { ChangeError, HelperAnswer, OperationReport, RestoreReport } from './protocol';
import { MAX_OPERATIONS } from './protocol';
import { PciAddressSchema, DriverNameSchema } from './name-schemas';
import { OperationSchema } from './request-schema';

const ErrnoSchema = z.string().regex(/^E[A-Z0-9]{1,15}$/);

const ChangeErrorSchema: z.ZodType<ChangeError> = z.strictObject({
  errno: ErrnoSchema,
  title: z.string().max(1000),
  detail: z.string().max(16_000),
  remedy: z.string().max(1000).nullable(),
});

const OperationResultSchema: z.ZodType<OperationResult> = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), errno: ErrnoSchema, message: z.string().max(4000) }),
]);

const OperationReportSchema: z.ZodType<OperationReport> = z.strictObject({ operation: OperationSchema, result: OperationResultSchema });

const RestoreReportSchema: z.ZodType<RestoreReport> = z.strictObject({
  device: PciAddressSchema,
  driver: DriverNameSchema,
  outcome: z.enum(['restored', 'already', 'absent', 'different-card', 'failed']),
  detail: z.string().max(4000),
});

export const HelperAnswerSchema: z.ZodType<HelperAnswer> = z.strictObject({
  status: z.enum(['done', 'refused', 'bad-request', 'failed']),
  summary: z.string().max(1000),
  error: ChangeErrorSchema.nullable(),
  // restore runs up to four operations per kept device.
  results: z.array(OperationReportSchema).max(Math.max(MAX_OPERATIONS, 4 * MAX_PERSISTED)),
  restored: z.array(RestoreReportSchema).max(MAX_PERSISTED),
});
