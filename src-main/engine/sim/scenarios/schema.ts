// The scenario file format (README.md in this folder): hardware, drivers
// and modules of a simulated machine, and the boot steps that produce its
// start state. Unknown keys are errors, so a typo does not pass silently.
import { z } from 'zod';
import { ERRNO_NAMES } from '../errno';

const hex = (digits: number, example: string) => z.string().regex(
  new RegExp(`^(0x)?[0-9a-fA-F]{1,${digits}}$`),
  `expected up to ${digits} hex digits, like "${example}"`,
);

const idPair = z.string().regex(/^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$/, 'expected "vendor:device" with 4 hex digits each, like "8086:10d3"');
const classCode = z.string().regex(/^(0x)?[0-9a-fA-F]{6}$/, 'expected a 24-bit class code of 6 hex digits, like "020000"');
const byte = z.union([z.number().int().min(0).max(255), hex(2, '0x02')]);
const probeErrno = z.enum([...ERRNO_NAMES, 'EPROBE_DEFER']);
const address = z.string().regex(
  /^[0-9a-f]{4,}:[0-9a-f]{2}:[01][0-9a-f]\.[0-7]$/,
  'expected a PCI address "dddd:bb:ss.f" in lowercase hex, like "0000:00:02.0"',
);
const RESET_METHODS = ['device_specific', 'acpi', 'flr', 'af_flr', 'pm', 'bus', 'cxl_bus'] as const;
const comment = z.string().optional();

const mdevType = z.strictObject({
  comment,
  /** `type->sysfs_name`: the type directory is `<parent driver>-<name>`. */
  name: z.string().regex(/^[\w.-]+$/, 'expected a type name without spaces or slashes'),
  pretty: z.string().optional(),
  description: z.string().optional(),
  deviceApi: z.string().default('vfio-pci'),
  /** With a pool: what one instance takes from it. */
  pool: z.string().optional(),
  cost: z.number().int().positive().default(1),
});

const mdevParent = z.strictObject({
  comment,
  parentDriver: z.string(),
  mdevDriver: z.string(),
  maxInstances: z.number().int().nonnegative().optional(),
  pools: z.record(z.string(), z.strictObject({ size: z.number().int().nonnegative(), probeError: probeErrno.default('ENOSPC') })).default({}),
  types: z.array(mdevType).min(1),
});

const vfTemplate = z.strictObject({
  comment,
  class: classCode.optional(),
  subsystem: idPair.optional(),
  revision: byte.optional(),
  resetMethods: z.array(z.enum(RESET_METHODS)).optional(),
  probeFails: z.record(z.string(), probeErrno).optional(),
});

const sriov = z.strictObject({
  comment,
  totalVfs: z.number().int().min(1).max(65535),
  offset: z.number().int().min(1).max(65535),
  stride: z.number().int().min(1).max(65535),
  vfDevice: hex(4, '10ca'),
  vfGroups: z.enum(['own', 'pf']).default('own'),
  vf: vfTemplate.default({}),
});

const namespace = z.strictObject({
  comment,
  /** The namespace's size; 64 MiB when not given. */
  sizeGiB: z.number().positive().optional(),
  /** GPT entries in order, 1 MiB aligned from sector 2048; only the last may leave out its size (the rest of the disk). */
  partitions: z.array(z.strictObject({
    comment,
    /** The GPT partition name (`PARTNAME`). */
    name: z.string().min(1).optional(),
    sizeMiB: z.number().int().positive().optional(),
  })).default([]),
});

/** dev_valid_name(): at most 15 bytes, no `/`, `:` or white space, not `.` or `..`. */
const interfaceName = z.string().regex(/^(?!\.\.?$)[^/:\s]{1,15}$/, 'expected an interface name of at most 15 characters without "/", ":" or spaces');

/** Copies of one entry: each level runs `count` times, adding `step` to the address and bridge; `{i}` in text is the copy's number. */
const repeatLevel = z.strictObject({
  comment,
  count: z.number().int().min(1).max(4096),
  step: z.strictObject({
    bus: z.number().int().min(0).max(255).default(0),
    /** Added to slot * 8 + function, so functions roll over into the next slot. */
    devfn: z.number().int().min(0).max(255).default(0),
    /** Added to `bridge.secondary` (and an explicit `subordinate`). */
    secondary: z.number().int().min(0).max(255).default(0),
  }),
});

export const PCIE_TYPES = ['root-port', 'upstream-port', 'downstream-port', 'endpoint', 'integrated-endpoint'] as const;

const pciDevice = z.strictObject({
  comment,
  address,
  id: idPair,
  subsystem: idPair.default('0000:0000'),
  class: classCode,
  revision: byte.default(0),
  label: z.string().optional(),
  /** IOMMU group: devices with the same value share one; null: the IOMMU does not translate for it (no group). */
  group: z.union([z.number().int().nonnegative(), z.string().min(1), z.null()]).optional(),
  pcie: z.enum(PCIE_TYPES).optional(),
  bridge: z.strictObject({ secondary: byte, subordinate: byte.optional() }).optional(),
  resetMethods: z.array(z.enum(RESET_METHODS)).default([]),
  bootVga: z.boolean().default(false),
  probeFails: z.record(z.string(), probeErrno).default({}),
  sriov: sriov.optional(),
  mdev: mdevParent.optional(),
  devlink: z.strictObject({ maxSfs: z.number().int().min(0).max(65535) }).optional(),
  nvmeNamespaces: z.union([z.number().int().min(0).max(64), z.array(namespace).max(64)]).default(1),
  /** The name udev gives the function's netdev (`enp5s0`, `eno1`). */
  netdev: interfaceName.optional(),
  repeat: z.array(repeatLevel).min(1).optional(),
});

const facts = z.strictObject({
  comment,
  /** What /proc/mounts says, in mount order. */
  mounts: z.array(z.strictObject({
    comment,
    /** `/dev/<block device>` of the booted machine, or a source that is no device (`tmpfs`, a 9p tag). */
    source: z.string().min(1),
    target: z.string().regex(/^\//, 'expected an absolute path'),
    fstype: z.string().regex(/^[\w.-]+$/, 'expected a filesystem type like "ext4"'),
  })).default([]),
  /** The interfaces the default routes leave by. */
  defaultRoute: z.array(interfaceName).default([]),
  /** The DRM card driving the desktop or the console (`card1`); null on a headless machine. */
  display: z.string().regex(/^card\d+$/, 'expected a DRM card like "card0"').nullable().default(null),
});

export const DRIVER_BUSES = ['pci', 'platform', 'virtio', 'auxiliary'] as const;

const builtinDriver = z.strictObject({
  comment,
  bus: z.enum(DRIVER_BUSES),
  name: z.string().min(1),
  /** The built-in module name the kernel records (`/sys/bus/.../module`), if any. */
  module: z.string().optional(),
  /** The ID table as modalias patterns, in table order. */
  ids: z.array(z.string()).default([]),
});

export const scenarioSchema = z.strictObject({
  comment,
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes'),
  description: z.string().min(1),
  kernelRelease: z.string().min(1),
  /** A file in data/modules-alias. */
  modulesAlias: z.string().regex(/^[\w.+-]+$/, 'expected a file name in data/modules-alias'),
  /** false: no IOMMU (no groups); else the default-domain type of PCI groups. */
  iommu: z.union([z.literal(false), z.strictObject({ defaultDomain: z.enum(['identity', 'DMA', 'DMA-FQ']) })]),
  /** udev loads modules for `add` events (when `settle` runs). */
  udev: z.boolean().default(true),
  builtinDrivers: z.array(builtinDriver).default([]),
  /** Loadable modules the machine has (their dependencies come along). */
  modules: z.array(z.string().regex(/^[\w-]+$/, 'expected a module name')).default([]),
  pci: z.array(pciDevice).default([]),
  platform: z.array(z.strictObject({ comment, name: z.string().regex(/^[\w.:-]+$/) })).default([]),
  /** Steps in the sysfs script language, run after the kernel has booted. */
  boot: z.array(z.string()).default([]),
  /** What the host's safety checks need that /sys does not hold; checked against the booted machine. */
  facts: facts.default({ mounts: [], defaultRoute: [], display: null }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioPci = Scenario['pci'][number];
/** One PCI function: an entry, or one copy of a repeated entry. */
export type ScenarioFunction = Omit<ScenarioPci, 'repeat'>;
export type ScenarioFacts = Scenario['facts'];
export type ScenarioMdev = z.infer<typeof mdevParent>;
