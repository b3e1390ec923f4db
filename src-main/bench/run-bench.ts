// One benchmark run on one scenario: boot it, materialise it, and time the
// engine against the reference tools on the same input: reading the tree
// (lspci -nnk) and driver candidates for every device (modprobe -R).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostInfo } from '../../src-shared/model';
import { loadAliasDatabase } from '../engine/alias/database';
import { candidatesForDevice } from '../engine/alias/report';
import { openIdDatabase } from '../engine/ids/id-database';
import { materialize } from '../engine/sim/materialize/materialize';
import { bootScenario, listScenarios } from '../engine/sim/scenarios/load';
import { scanSysfs } from '../engine/sysfs/scan';
import { buildKmodTree, modprobeResolveAll } from './kmod-tree';
import type { Timing } from './measure';
import { measure, measureOnce } from './measure';

export interface BenchOptions {
  readonly scenario: string;
  /** Runs per timed step; the median counts. */
  readonly runs: number;
}

export interface Comparison {
  readonly bindery: Timing;
  readonly reference: Timing;
  /** bindery / reference, medians: below 1 means Bindery is faster. */
  readonly ratio: number;
}

export interface BenchResult {
  readonly scenario: string;
  readonly devices: number;
  readonly pciDevices: number;
  readonly treeDir: string;
  readonly onTmpfs: boolean;
  readonly boot: Timing;
  readonly materialize: Timing;
  /** The engine reading the simulated kernel directly, without files. */
  readonly readSimulated: Timing;
  /** The engine reading the materialised tree against `lspci -nnk` on it. */
  readonly read: Comparison & { readonly lspciDevices: number };
  /** Loading modules.alias (once per session) and matching every device. */
  readonly aliasLoad: Timing;
  /** Candidates for every device against `modprobe -R` for the same modaliases. */
  readonly candidates: Comparison & { readonly modaliases: number; readonly mismatches: readonly string[] };
  readonly peakRssMb: number;
}

/** tmpfs when there is one: writing 10,000 devices' files to a disk takes minutes, not seconds. */
function scratchDir(): { dir: string; onTmpfs: boolean } {
  for (const candidate of ['/dev/shm', process.env.XDG_RUNTIME_DIR]) {
    if (!candidate) continue;
    try {
      fs.accessSync(candidate, fs.constants.W_OK);
      return { dir: fs.mkdtempSync(path.join(candidate, 'bindery-bench-')), onTmpfs: true };
    } catch {
      // Not writable here: try the next.
    }
  }
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-bench-')), onTmpfs: false };
}

function lspci(treeDir: string): string {
  return execFileSync('lspci', ['-nnk', '-D', '-O', `sysfs.path=${path.join(treeDir, 'sys', 'bus', 'pci')}`], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

const ratio = (bindery: Timing, reference: Timing): number => bindery.medianMs / reference.medianMs;

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const summary = listScenarios().find((s) => s.name === options.scenario);
  if (!summary || summary.error || !summary.modulesAliasFile) {
    throw new Error(`No bootable scenario "${options.scenario}"${summary?.error ? `: ${summary.error}` : ''}.`);
  }
  const aliasFile = summary.modulesAliasFile;
  // One run: later boots of a scenario in the same process are copies of the first.
  const { timing: boot, value: machine } = await measureOnce(() => bootScenario(options.scenario));
  const scratch = scratchDir();
  const treeDir = path.join(scratch.dir, 'tree');
  try {
    const { timing: materialized } = await measureOnce(() => materialize(machine, treeDir));
    const ids = openIdDatabase();
    const host: HostInfo = { id: 'bench', kind: 'linux', label: options.scenario, root: treeDir, kernelRelease: null, readOnly: true };
    // Once untimed: pci.ids is parsed on first use, once per session, like the app does.
    scanSysfs({ root: '/', source: machine.source, host, ids });

    const readSimulated = await measure(options.runs, () => scanSysfs({ root: '/', source: machine.source, host, ids }));
    let snapshot = scanSysfs({ root: treeDir, host, ids });
    const readBindery = await measure(options.runs, () => {
      snapshot = scanSysfs({ root: treeDir, host, ids });
    });
    let listing = '';
    const readLspci = await measure(options.runs, () => {
      listing = lspci(treeDir);
    });
    const lspciDevices = listing.split('\n').filter((line) => /^[0-9a-f]{4,}:/.test(line)).length;

    let db = loadAliasDatabase({ root: '/', kernelRelease: null, modulesAliasFile: aliasFile });
    const aliasLoad = await measure(options.runs, () => {
      db = loadAliasDatabase({ root: '/', kernelRelease: null, modulesAliasFile: aliasFile });
    });
    const withModalias = snapshot.devices.filter((d) => d.modalias !== null);
    let reports = withModalias.map((d) => candidatesForDevice(db, d, '/', machine.source));
    const matchBindery = await measure(options.runs, () => {
      reports = withModalias.map((d) => candidatesForDevice(db, d, '/', machine.source));
    });
    const kmodTree = buildKmodTree(path.join(scratch.dir, 'kmod'), summary.kernelRelease ?? '6.12.0', fs.readFileSync(aliasFile, 'utf8'));
    const keys = withModalias.map((d) => d.modalias as string);
    let answers: string[][] = [];
    // One modprobe process at a time: the engine matches on one core too.
    const matchKmod = await measure(options.runs, async () => {
      answers = await modprobeResolveAll(kmodTree, keys, 250, 1);
    });
    const mismatches = keys.filter((_key, i) => {
      const ours = (reports[i]?.candidates ?? []).filter((c) => c.kind === 'driver' && !c.builtin).map((c) => c.module).sort();
      // modprobe -R prints a module once per alias that matched: compare sets.
      return ours.join(' ') !== [...new Set(answers[i] ?? [])].sort().join(' ');
    });
    const candidatesBindery: Timing = {
      medianMs: aliasLoad.medianMs + matchBindery.medianMs,
      runsMs: matchBindery.runsMs.map((ms) => ms + aliasLoad.medianMs),
    };
    return {
      scenario: options.scenario,
      devices: snapshot.devices.length,
      pciDevices: snapshot.devices.filter((d) => d.bus === 'pci').length,
      treeDir,
      onTmpfs: scratch.onTmpfs,
      boot,
      materialize: materialized,
      readSimulated,
      read: { bindery: readBindery, reference: readLspci, ratio: ratio(readBindery, readLspci), lspciDevices },
      aliasLoad,
      candidates: {
        bindery: candidatesBindery,
        reference: matchKmod,
        ratio: ratio(candidatesBindery, matchKmod),
        modaliases: keys.length,
        mismatches: [...new Set(mismatches)],
      },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    fs.rmSync(scratch.dir, { recursive: true, force: true });
  }
}
