// Scenario files: every one in data/scenarios validates and uses IDs hwdata
// knows (each boots in its own test); qemu-q35 is the test VM of
// kernel-vm/README.md row for row; mistakes in a scenario are reported with
// where they are, all at once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../../../../src-shared/model';
import { openIdDatabase } from '../../../../../../src-main/engine/ids/id-database';
import { dataDir } from '../../../../../../src-main/engine/sim/data-dir';
import { ScenarioError } from '../../../../../../src-main/engine/sim/scenarios/errors';
import { bootScenario, listScenarios } from '../../../../../../src-main/engine/sim/scenarios/load';
import { scanSysfs } from '../../../../../../src-main/engine/sysfs/scan';
import { pciOf, problemsOf, tinyScenario } from '../support/tiny-scenario';

const HOST: HostInfo = { id: 'sim:test', kind: 'sim', label: 'test', root: '/', kernelRelease: null, readOnly: false };

describe('scenario files', () => {
  it('every file in data/scenarios is valid and named after its file', () => {
    const scenarios = listScenarios();
    expect(scenarios.map((scenario) => scenario.name)).toContain('qemu-q35');
    expect(scenarios.filter((scenario) => scenario.error !== null)).toEqual([]);
  });

  it('offers the machines of DESIGN.md\'s hosts', () => {
    expect(listScenarios().map((scenario) => scenario.name)).toEqual(['dpu', 'fleet', 'igpu-mdev', 'qemu-q35', 'sriov-server', 'workstation']);
  });

  it('every vendor:device and subsystem vendor they use is in hwdata\'s pci.ids (QEMU\'s own VGA aside)', () => {
    const ids = openIdDatabase(['/usr/share/hwdata']);
    const unknown: string[] = [];
    const named = (vendor: number, device: number, subsystemVendor: number, subsystemDevice: number): ReturnType<typeof ids.pci> => ids.pci({
      vendor, device, subsystemVendor, subsystemDevice, classCode: 0,
    });
    for (const file of fs.readdirSync(path.join(dataDir(), 'scenarios')).filter((name) => name.endsWith('.json'))) {
      const scenario = JSON.parse(fs.readFileSync(path.join(dataDir(), 'scenarios', file), 'utf8')) as {
        pci?: { id: string; subsystem?: string; sriov?: { vfDevice: string; vf?: { subsystem?: string } } }[];
      };
      for (const device of scenario.pci ?? []) {
        const [vendor = 0, dev = 0] = device.id.split(':').map((part) => parseInt(part, 16));
        const [subVendor = 0, subDevice = 0] = (device.subsystem ?? '0000:0000').split(':').map((part) => parseInt(part, 16));
        const functions = [[dev, subVendor, subDevice], ...(device.sriov ? [[parseInt(device.sriov.vfDevice, 16), subVendor, subDevice]] : [])];
        for (const [d = 0, sv = 0, sd = 0] of functions) {
          const names = named(vendor, d, sv, sd);
          if (names.device === null && device.id !== '1234:1111') unknown.push(`${file}: ${device.id.slice(0, 5)}${d.toString(16).padStart(4, '0')}`);
          if (sv !== 0 && names.subsystemVendor === null) unknown.push(`${file}: subsystem vendor ${sv.toString(16)}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('booting a name that is not a scenario says so', () => {
    expect(() => bootScenario('no-such-machine')).toThrow(/no such scenario/);
    expect(() => bootScenario('../qemu-q35')).toThrow(ScenarioError);
  });
});

describe('qemu-q35 is the test VM of kernel-vm/README.md', () => {
  const snapshot = scanSysfs({ root: '/', source: bootScenario('qemu-q35').source, host: HOST });
  const table: [string, string, string | null, number][] = [
    ['0000:00:00.0', '8086:29c0', null, 0],
    ['0000:00:01.0', '1234:1111', null, 1],
    ['0000:00:02.0', '8086:10d3', 'e1000e', 2],
    ['0000:00:03.0', '1af4:1000', 'virtio-pci', 3],
    ['0000:00:04.0', '1b36:0010', 'nvme', 4],
    ['0000:00:05.0', '1af4:1009', 'virtio-pci', 5],
    ['0000:00:06.0', '8086:10c9', 'igb', 6],
    ['0000:00:07.0', '1af4:1009', 'virtio-pci', 7],
    ['0000:00:08.0', '1234:1111', null, 8],
    ['0000:00:08.1', '8086:293e', null, 8],
    ['0000:00:09.0', '1b36:0001', null, 9],
    ['0000:00:1f.0', '8086:2918', null, 10],
    ['0000:00:1f.2', '8086:2922', null, 10],
    ['0000:00:1f.3', '8086:2930', null, 10],
    ['0000:01:01.0', '8086:100e', 'e1000', 9],
    ['0000:01:02.0', '8086:100e', 'e1000', 9],
  ];

  it('has the devices, IDs, drivers and groups of the table', () => {
    const rows = snapshot.devices.filter((device) => device.bus === 'pci').map((device) => [
      device.name, `${device.pci?.vendor.slice(2)}:${device.pci?.device.slice(2)}`, device.driver, device.iommuGroup,
    ]);
    expect(rows).toEqual(table);
  });

  it('has the SR-IOV capabilities of the NVMe and the igb', () => {
    const sriov = (name: string): unknown => snapshot.devices.find((device) => device.name === name)?.pci?.sriov;
    expect(sriov('0000:00:04.0')).toMatchObject({ totalVfs: 2, offset: 1, stride: 1, vfDevice: '10' });
    expect(sriov('0000:00:06.0')).toMatchObject({ totalVfs: 7, offset: 128, stride: 2, vfDevice: '10ca' });
  });

  it('has vdpa0 on vhost_vdpa, netdevsim10 and the mtty parent', () => {
    expect(snapshot.devices.find((device) => device.id === 'vdpa/vdpa0')?.driver).toBe('vhost_vdpa');
    expect(snapshot.devices.find((device) => device.id === 'netdevsim/netdevsim10')?.driver).toBe('netdevsim');
    expect(snapshot.buses.map((bus) => bus.name)).toEqual(['auxiliary', 'mdev', 'netdevsim', 'pci', 'platform', 'vdpa', 'virtio']);
  });
});

describe('scenario validation', () => {
  it('accepts the base scenario', () => {
    expect(problemsOf(tinyScenario())).toEqual([]);
  });

  it('names unknown keys and bad values with their path', () => {
    const scenario = tinyScenario();
    scenario.colour = 'blue';
    pciOf(scenario)[1] = { ...pciOf(scenario)[1], address: '0000:2:00.0', id: '8086-10c9' };
    expect(problemsOf(scenario)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\(top level\): .*colour/),
      expect.stringMatching(/^pci\.1\.address: expected a PCI address/),
      expect.stringMatching(/^pci\.1\.id: expected "vendor:device"/),
    ]));
  });

  it('finds clashing addresses, VFs landing on a device, and two bridges to one bus', () => {
    const scenario = tinyScenario();
    pciOf(scenario).push(
      { address: '0000:02:10.0', id: '8086:10d3', class: '020000', group: 3 },
      { address: '0000:02:00.0', id: '8086:10d3', class: '020000', group: 4 },
      { address: '0000:00:1d.0', id: '8086:a33c', class: '060400', bridge: { secondary: 2 }, group: 5 },
    );
    expect(problemsOf(scenario)).toEqual(expect.arrayContaining([
      'pci[3] uses address 0000:02:00.0, which pci[1] already uses',
      'pci[1] VF 0 uses address 0000:02:10.0, which pci[2] already uses',
      expect.stringMatching(/^pci\[4\] and pci\[0\] are both bridges to bus 2/),
    ]));
  });

  it('wants a group for every device exactly when there is an IOMMU', () => {
    const scenario = tinyScenario();
    delete pciOf(scenario)[1]?.group;
    expect(problemsOf(scenario)).toEqual(['pci[1] (0000:02:00.0): every device needs a "group" when the machine has an IOMMU']);
    const noIommu = tinyScenario();
    noIommu.iommu = false;
    expect(problemsOf(noIommu)).toHaveLength(2);
  });

  it('checks ID patterns against their bus, mdev pools, and the modules.alias file', () => {
    const scenario = tinyScenario();
    scenario.builtinDrivers = [{ bus: 'pci', name: 'x', ids: ['virtio:d00000001v*'] }];
    scenario.modulesAlias = 'modules.alias.nowhere';
    pciOf(scenario)[1] = {
      ...pciOf(scenario)[1],
      mdev: { parentDriver: 'igb', mdevDriver: 'm', types: [{ name: 'a' }, { name: 'b', pool: 'gone' }] },
    };
    expect(problemsOf(scenario)).toEqual([
      'builtinDrivers[0].ids[0]: "virtio:d00000001v*" is not a pci pattern (pci: or vfio_pci:...)',
      'pci[1].mdev.types[0]: give the type a "pool", or the parent "maxInstances"',
      'pci[1].mdev.types[1]: pool "gone" is not in mdev.pools',
      expect.stringMatching(/^modulesAlias: .*modules\.alias\.nowhere does not exist/),
    ]);
  });

  it('reports a boot step that fails, with its index', () => {
    const scenario = tinyScenario();
    scenario.boot = ['coldplug', 'modprobe not_a_module'];
    expect(problemsOf(scenario)).toEqual(['boot[1] "modprobe not_a_module" failed: err ENOENT']);
    scenario.boot = ['frobnicate'];
    expect(problemsOf(scenario)).toEqual(['boot[0] "frobnicate" failed: bad step: unknown step "frobnicate"']);
  });

  it('expands * in a boot step\'s path like a shell loop', () => {
    const scenario = tinyScenario();
    scenario.boot = ['coldplug', 'write /sys/bus/pci/devices/*/sriov_numvfs 3'];
    const machine = bootScenario(scenario);
    expect(machine.read('/sys/bus/pci/devices/0000:02:00.0/sriov_numvfs')).toEqual({ ok: true, value: '3\n' });
  });
});
