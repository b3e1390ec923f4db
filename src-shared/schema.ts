// Runtime validation of everything that enters through a process boundary.
// The main process and the bridge check every call's arguments against these
// before the engine sees them.
import { z } from 'zod';
import type { ApiMethods, MethodName } from './api';
import type { Goal } from './plan';

/**
 * `<bus>/<name>`: a lowercase bus name, a slash, and a device name of printable
 * ASCII without `/` or spaces that starts with a letter or digit (so never `..`).
 */
export const DeviceIdSchema = z
  .string()
  .max(256)
  .regex(/^[a-z0-9][a-z0-9_-]*\/[A-Za-z0-9][!-.0-~]*$/, 'a device id looks like pci/0000:00:02.0');

/** `local`, `sim:<scenario>` or `tree:<absolute path>`; the service accepts only ids it listed. */
export const HostIdSchema = z
  .string()
  .max(4096)
  .regex(/^(local|sim:[a-z0-9][a-z0-9-]*|tree:\/\P{Cc}*)$/u, 'a host id is local, sim:NAME or tree:/PATH');

/** A driver's directory name under /sys/bus/<bus>/drivers (`vfio-pci`, `mlx5_core.sf`). */
export const DriverNameSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/, 'a driver name looks like vfio-pci');

const DeviceListSchema = z.array(DeviceIdSchema).min(1).max(256);

export const GoalSchema: z.ZodType<Goal> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assign-vfio'), devices: DeviceListSchema }),
  z.strictObject({ kind: z.literal('return-to-host'), devices: DeviceListSchema }),
  z.strictObject({ kind: z.literal('bind'), device: DeviceIdSchema, driver: DriverNameSchema }),
  z.strictObject({ kind: z.literal('unbind'), device: DeviceIdSchema }),
  z.strictObject({ kind: z.literal('set-override'), device: DeviceIdSchema, driver: DriverNameSchema }),
  z.strictObject({ kind: z.literal('clear-override'), device: DeviceIdSchema }),
  z.strictObject({ kind: z.literal('undo'), planId: z.string().uuid() }),
]);

type ArgSchemas = { readonly [M in MethodName]: z.ZodType<ApiMethods[M]['args']> };

export const METHOD_ARGS: ArgSchemas = {
  listHosts: z.tuple([]),
  selectHost: z.tuple([HostIdSchema]),
  getHost: z.tuple([]),
  getSnapshot: z.tuple([]),
  refresh: z.tuple([]),
  getCandidates: z.tuple([DeviceIdSchema]),
  planGoal: z.tuple([GoalSchema]),
  applyPlan: z.tuple([z.string().uuid(), z.strictObject({ force: z.boolean() })]),
  planUndo: z.tuple([]),
  getHistory: z.tuple([]),
  getInterrupted: z.tuple([]),
  resolveInterrupted: z.tuple([z.enum(['finish', 'undo'])]),
  getPersistence: z.tuple([]),
  setPersistence: z.tuple([DeviceIdSchema, z.boolean()]),
  importDriverctl: z.tuple([]),
};

/** Plain words for the first problem zod found, naming the argument. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid arguments';
  const where = issue.path.length > 0 ? `argument ${issue.path.map(String).join('.')}` : 'arguments';
  return `${where}: ${issue.message}`;
}
