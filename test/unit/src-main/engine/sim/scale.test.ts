// A fleet-sized machine: 100 PFs with 100 VFs each, 10,201 PCI devices. It
// must boot, scan and serialise without anything quadratic (this test would
// not finish in its time otherwise); speed itself is the benchmark's job.
import { describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../../../src-shared/model';
import { SimMachine } from '../../../../../src-main/engine/sim/machine';
import { bootScenario } from '../../../../../src-main/engine/sim/scenarios/load';
import { scanSysfs } from '../../../../../src-main/engine/sysfs/scan';

const HOST: HostInfo = { id: 'sim:fleet', kind: 'sim', label: 'fleet', root: '/', kernelRelease: null, readOnly: false };
const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

function fleet(pfs: number): Record<string, unknown> {
  const pci: unknown[] = [{ address: '0000:00:00.0', id: '8086:3ec2', class: '060000', group: 0 }];
  for (let i = 0; i < pfs; i += 1) {
    const bus = i + 1;
    pci.push({
      address: `0000:00:${hex(1 + (i >> 3), 2)}.${i & 7}`, id: '8086:a33c', class: '060400', pcie: 'root-port',
      bridge: { secondary: bus }, group: `port${i}`,
    });
    pci.push({
      address: `0000:${hex(bus, 2)}:00.0`, id: '8086:1572', subsystem: '8086:0000', class: '020000', pcie: 'endpoint',
      group: `pf${i}`, sriov: { totalVfs: 128, offset: 16, stride: 1, vfDevice: '154c' },
    });
  }
  return {
    name: 'fleet-test', description: 'X710 PFs with 100 VFs each', kernelRelease: '6.12.95+deb12-amd64',
    modulesAlias: 'modules.alias.debian-6.12.113-amd64', iommu: { defaultDomain: 'DMA-FQ' },
    builtinDrivers: [{ bus: 'pci', name: 'pcieport', ids: ['pci:v*d*sv*sd*bc06sc04i00*'] }],
    modules: ['i40e', 'iavf'], pci,
    boot: ['coldplug', 'write /sys/bus/pci/devices/*/sriov_numvfs 100', 'settle'],
  };
}

describe('a machine with 10,000 VFs', () => {
  it('boots, scans and round-trips through JSON', { timeout: 120_000 }, () => {
    const machine = bootScenario(fleet(100));
    const snapshot = scanSysfs({ root: '/', source: machine.source, host: HOST });
    const pci = snapshot.devices.filter((device) => device.bus === 'pci');
    expect(pci).toHaveLength(1 + 100 + 100 + 100 * 100);
    expect(pci.filter((device) => device.pci?.physfn !== null && device.driver === 'iavf')).toHaveLength(10_000);
    expect(snapshot.iommuGroups).toHaveLength(1 + 100 + 100 + 10_000);
    expect(snapshot.devices.filter((device) => device.classDevices.some((cls) => cls.subsystem === 'net'))).toHaveLength(10_100);
    expect(snapshot.problems).toEqual([]);
    const json = JSON.stringify(machine.toJSON());
    expect(JSON.stringify(SimMachine.fromJSON(JSON.parse(json)).toJSON())).toBe(json);
  });
});
