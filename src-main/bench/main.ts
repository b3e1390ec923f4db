// `npm run bench`: the engine against lspci and kmod on the same simulated
// machine (by default the 10,000-device fleet), as a short table and as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchResult } from './run-bench';
import { runBench } from './run-bench';
import { seconds } from './measure';

const USAGE = 'usage: npm run bench -- [--scenario NAME] [--runs N] [--json FILE]';

function table(result: BenchResult): string {
  const rows: [string, string, string, string][] = [
    ['step', 'Bindery', 'reference', 'ratio'],
    ['boot the simulated kernel', seconds(result.boot.medianMs), '', ''],
    [`materialise (${result.onTmpfs ? 'tmpfs' : 'disk'})`, seconds(result.materialize.medianMs), '', ''],
    ['read the simulation directly', seconds(result.readSimulated.medianMs), '', ''],
    ['read the tree', seconds(result.read.bindery.medianMs), `lspci -nnk ${seconds(result.read.reference.medianMs)}`, `${result.read.ratio.toFixed(2)}x`],
    ['load modules.alias', seconds(result.aliasLoad.medianMs), '', ''],
    ['candidates, every device', seconds(result.candidates.bindery.medianMs), `modprobe -R ${seconds(result.candidates.reference.medianMs)}`, `${result.candidates.ratio.toFixed(2)}x`],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scenario: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs ?? '3');
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`--runs must be a whole number from 1 to 50, not ${values.runs}`);
  const scenario = values.scenario ?? 'fleet';
  console.log(`Bindery benchmark: scenario ${scenario}, median of ${runs} runs per step…`);
  const result = await runBench({ scenario, runs });
  const jsonFile = path.resolve(values.json ?? path.join('bench-results', `${scenario}.json`));
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
  fs.writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${result.devices.toLocaleString('en')} devices (${result.pciDevices.toLocaleString('en')} PCI; lspci listed ${result.read.lspciDevices.toLocaleString('en')}), ${result.candidates.modaliases.toLocaleString('en')} modaliases`);
  console.log(table(result));
  console.log(`Bindery reads every bus, driver and IOMMU group; lspci only PCI. Ratio = Bindery / reference (below 1: Bindery is faster).`);
  console.log(`Candidates agree with modprobe -R on ${result.candidates.modaliases - result.candidates.mismatches.length} of ${result.candidates.modaliases} modaliases.`);
  console.log(`Peak memory ${result.peakRssMb} MB. JSON: ${jsonFile}`);
  if (result.candidates.mismatches.length > 0 || result.read.lspciDevices !== result.pciDevices) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exitCode = 2;
});
