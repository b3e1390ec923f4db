// The fleet node boots to about 10,000 PCI functions from a file of a few
// repeated entries, quickly enough for the demo, with every VF on iavf and
// the VFs past a bus's end on the next bus.
import { describe, expect, it } from 'vitest';
import { bootScenario } from '../../../../../../src-main/engine/sim/scenarios/load';

const VFS = 40 * 2 * 128;
/** PFs, 43 GPP bridges, 8 dummy host bridges, 8 root complexes and IOMMUs, FCH, boot disk, LOM, BMC bridge and VGA. */
const OTHERS = 80 + 43 + 8 + 16 + 2 + 1 + 2 + 2;

describe('fleet', () => {
  // It boots in a few seconds; the limit leaves room for a loaded CI machine.
  it('boots 40 dual-port E810s with 128 VFs per port on iavf', { timeout: 30_000 }, () => {
    const machine = bootScenario('fleet');
    const pci = machine.list('/sys/bus/pci/devices');
    expect(pci.ok && pci.value.length).toBe(VFS + OTHERS);
    const iavf = machine.list('/sys/bus/pci/drivers/iavf');
    expect(iavf.ok && iavf.value.filter((name) => name.startsWith('0000:')).length).toBe(VFS);
    expect(machine.readLink('/sys/bus/pci/devices/0000:e9:00.1/virtfn127')).toEqual({ ok: true, value: '../0000:ea:00.7' });
  });
});
