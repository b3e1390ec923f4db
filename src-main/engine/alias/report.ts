// Driver candidates for a modalias or a device: every module kmod would match,
// one line per module with its most specific alias, host drivers first (most
// specific first, ties in file order), then the VFIO drivers a PCI device
// could be given (variants, then the generic vfio_pci), with libvirt's choice.
import type { Candidate, CandidateKind, CandidateReport } from '../../../src-shared/candidates';
import type { Device, DeviceId } from '../../../src-shared/model';
import type { AliasEntry } from './alias-file';
import type { AliasDatabase } from './database';
import { deviceModalias } from './device-modalias';
import { moduleDriver, sameDriverName } from './driver-name';
import { assertModalias, modaliasProblem } from './modalias-check';
import { PCI_FORMAT, VFIO_PCI_FORMAT, formatOf } from './modalias-formats';
import { aliasNormalize } from './normalize';
import type { Specificity } from './specificity';
import { filesystemSource } from '../sysfs/sysfs-source';
import type { SysfsSource } from '../sysfs/sysfs-source';
import { specificityOf } from './specificity';
import { GENERIC_VFIO_MODULE, chooseVfioModule } from './vfio-choice';

const VFIO_PREFIX = `${VFIO_PCI_FORMAT.prefix}:`;

/** Buses of modalias prefixes that do not name their bus. */
const BUS_OF_PREFIX: Readonly<Record<string, string>> = { of: 'platform', acpi: 'platform' };

interface Context {
  readonly root: string;
  readonly source: SysfsSource;
  readonly deviceId: DeviceId | null;
  readonly bus: string | null;
  readonly boundDriver: string | null;
  readonly note: string | null;
}

/**
 * Throws BinderyFailure BAD_MODALIAS when `modalias` is not well formed.
 * `root` and `source` say where to look up loaded modules (`sys/module`).
 */
export function candidatesForModalias(
  db: AliasDatabase, modalias: string, root: string, source: SysfsSource = filesystemSource,
): CandidateReport {
  assertModalias(modalias);
  return report(db, modalias, { root, source, deviceId: null, bus: null, boundDriver: null, note: null });
}

/** For a device of a snapshot; a device without a usable modalias gets a note saying why. */
export function candidatesForDevice(
  db: AliasDatabase, device: Device, root: string, source: SysfsSource = filesystemSource,
): CandidateReport {
  const key = deviceModalias(device);
  const context: Context = { root, source, deviceId: device.id, bus: device.bus, boundDriver: device.driver, note: key.note };
  if (key.modalias === null) return nothing(db, context, null, key.note);
  const problem = modaliasProblem(key.modalias);
  if (problem !== null) return nothing(db, context, key.modalias, `The device's modalias cannot be matched. ${problem}`);
  return report(db, key.modalias, context);
}

function nothing(db: AliasDatabase, context: Context, modalias: string | null, note: string | null): CandidateReport {
  return { deviceId: context.deviceId, modalias, candidates: [], vfio: null, recommended: null, source: db.source, note };
}

function report(db: AliasDatabase, modalias: string, context: Context): CandidateReport {
  // Validated already, so it has a `:` and balanced brackets.
  const key = aliasNormalize(modalias) ?? modalias;
  const prefix = key.slice(0, key.indexOf(':'));
  const body = key.slice(prefix.length + 1);
  const format = formatOf(key);
  const matches = db.index.lookup(key);
  if (format === PCI_FORMAT) {
    // What the device could be given for VFIO: the `vfio_pci:` aliases of the same fields.
    matches.push(...db.index.lookup(`${VFIO_PREFIX}${body}`).filter((entry) => entry.normalized.startsWith(VFIO_PREFIX)));
  }
  const bus = context.bus ?? format?.bus ?? BUS_OF_PREFIX[prefix] ?? prefix;
  const candidates = rank(bestPerModule(matches)).map((entry) => candidate(entry, bus, context));
  const isPci = format === PCI_FORMAT || format === VFIO_PCI_FORMAT;
  return {
    deviceId: context.deviceId,
    modalias,
    candidates,
    vfio: isPci ? chooseVfioModule(db.vfioEntries, body) : null,
    recommended: candidates.find((c) => c.kind === 'driver')?.module ?? null,
    source: db.source,
    note: noteFor(db, context, candidates),
  };
}

function kindOf(entry: AliasEntry): CandidateKind {
  if (!entry.normalized.startsWith(VFIO_PREFIX)) return 'driver';
  return entry.module === GENERIC_VFIO_MODULE ? 'vfio-generic' : 'vfio-variant';
}

interface Ranked {
  readonly entry: AliasEntry;
  readonly kind: CandidateKind;
  readonly spec: Specificity;
}

/** One entry per module: as a host driver if it has a host alias, by its most specific alias. */
function bestPerModule(matches: readonly AliasEntry[]): Ranked[] {
  const best = new Map<string, Ranked>();
  for (const entry of matches) {
    const next: Ranked = { entry, kind: kindOf(entry), spec: specificityOf(entry.normalized, entry.pattern) };
    const current = best.get(entry.module);
    if (!current || better(next, current)) best.set(entry.module, next);
  }
  return [...best.values()];
}

function better(a: Ranked, b: Ranked): boolean {
  const aHost = a.kind === 'driver';
  if (aHost !== (b.kind === 'driver')) return aHost;
  if (a.spec.score !== b.spec.score) return a.spec.score > b.spec.score;
  return a.entry.order < b.entry.order;
}

const KIND_RANK: Readonly<Record<CandidateKind, number>> = { driver: 0, 'vfio-variant': 1, 'vfio-generic': 2 };

function rank(list: Ranked[]): Ranked[] {
  return list.sort((a, b) =>
    KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.spec.score - a.spec.score || a.entry.order - b.entry.order);
}

function candidate(ranked: Ranked, bus: string, context: Context): Candidate {
  const { entry, kind, spec } = ranked;
  const onBus = kind === 'driver' ? bus : VFIO_PCI_FORMAT.bus;
  const name = entry.normalized.slice(entry.normalized.indexOf(':') + 1);
  const hint = /[*?[]/.test(name) ? null : name;
  const driver = moduleDriver(context.root, entry.module, onBus, hint, context.source);
  return {
    module: entry.module,
    driver: driver.driver,
    driverSource: driver.source,
    alias: entry.pattern,
    kind,
    score: spec.score,
    pinned: spec.pinned,
    reason: spec.reason,
    builtin: entry.builtin,
    loaded: driver.loaded,
    bound: context.boundDriver !== null && sameDriverName(context.boundDriver, driver.driver),
  };
}

function noteFor(db: AliasDatabase, context: Context, candidates: readonly Candidate[]): string | null {
  if (db.source.status !== 'ok') return db.source.message;
  const notes = [context.note];
  const bound = context.boundDriver;
  if (bound !== null && !candidates.some((c) => c.bound)) {
    notes.push(`It is bound to ${bound}, which no alias here names for it: the driver is built into the kernel `
      + '(built-in ID tables are not in modules.alias), or the device was bound by hand.');
  }
  const text = notes.filter((n) => n !== null).join(' ');
  return text.length > 0 ? text : null;
}
