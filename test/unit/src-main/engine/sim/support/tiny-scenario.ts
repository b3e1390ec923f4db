// A small valid scenario for the format tests to break in one place at a
// time, and the problems booting one reports.
import { ScenarioError } from '../../../../../../src-main/engine/sim/scenarios/errors';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';

/** One NIC with SR-IOV behind a root port. */
export function tinyScenario(): Record<string, unknown> {
  return {
    name: 'tiny',
    description: 'one NIC behind a root port',
    kernelRelease: '6.12',
    modulesAlias: 'modules.alias.debian-6.12.113-amd64',
    iommu: { defaultDomain: 'DMA' },
    modules: ['igb'],
    builtinDrivers: [{ bus: 'pci', name: 'pcieport', ids: ['pci:v*d*sv*sd*bc06sc04i00*'] }],
    pci: [
      { address: '0000:00:1c.0', id: '8086:a33c', class: '060400', pcie: 'root-port', bridge: { secondary: 2 }, group: 1 },
      { address: '0000:02:00.0', id: '8086:10c9', class: '020000', group: 2, sriov: { totalVfs: 8, offset: 128, stride: 2, vfDevice: '10ca' } },
    ],
    boot: ['coldplug'],
  };
}

export function problemsOf(scenario: Record<string, unknown>): readonly string[] {
  try {
    bootScenario(scenario);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}

export function pciOf(scenario: Record<string, unknown>): Record<string, unknown>[] {
  return scenario.pci as Record<string, unknown>[];
}
