// The fleet node (data/scenarios/fleet.json): 40 dual-port E810s with 128
// VFs per port, 10,394 PCI functions from a file of a few repeated entries.
// It must boot in a few seconds, and scan and serialise without anything
// quadratic (this test would not finish in its time otherwise); speed itself
// is the benchmark's job.
import { describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../../../src-shared/model';
import { SimMachine } from '../../../../../src-main/engine/sim/machine';
import { bootScenario } from '../../../../../src-main/engine/sim/scenarios/load';
import { scanSysfs } from '../../../../../src-main/engine/sysfs/scan';

const HOST: HostInfo = { id: 'sim:fleet', kind: 'sim', label: 'fleet', root: '/', kernelRelease: null, readOnly: false };
const PFS = 80;
const VFS = PFS * 128;
/** 43 GPP bridges, 8 dummy host bridges, 8 root complexes and 8 IOMMUs, FCH, boot disk, LOM, BMC bridge and VGA. */
const OTHERS = 43 + 8 + 16 + 2 + 1 + 2 + 2;

describe('the fleet node', () => {
  // The limits leave room for a loaded CI machine.
  it('boots with every port\'s 128 VFs on iavf, the last of each second port\'s on the next bus', { timeout: 30_000 }, () => {
    const machine = bootScenario('fleet');
    const pci = machine.list('/sys/bus/pci/devices');
    expect(pci.ok && pci.value.length).toBe(VFS + PFS + OTHERS);
    const iavf = machine.list('/sys/bus/pci/drivers/iavf');
    expect(iavf.ok && iavf.value.filter((name) => name.startsWith('0000:')).length).toBe(VFS);
    expect(machine.readLink('/sys/bus/pci/devices/0000:e9:00.1/virtfn127')).toEqual({ ok: true, value: '../0000:ea:00.7' });
  });

  it('scans and round-trips through JSON', { timeout: 120_000 }, () => {
    const machine = bootScenario('fleet');
    const snapshot = scanSysfs({ root: '/', source: machine.source, host: HOST });
    expect(snapshot.devices.filter((device) => device.bus === 'pci')).toHaveLength(VFS + PFS + OTHERS);
    // Every function in a group of its own but the LOM's two ports, the BMC's bridge and VGA, the FCH's two, and the 16 without one.
    expect(snapshot.iommuGroups).toHaveLength(VFS + PFS + OTHERS - 3 - 16);
    expect(snapshot.devices.filter((device) => device.classDevices.some((cls) => cls.subsystem === 'net'))).toHaveLength(VFS + PFS + 2);
    expect(snapshot.problems).toEqual([]);
    const json = JSON.stringify(machine.toJSON());
    expect(JSON.stringify(SimMachine.fromJSON(JSON.parse(json)).toJSON())).toBe(json);
  });
});
