// A simulated host as people use it: changes persist between invocations, the
// app sees changes another process (the CLI) makes, reset brings back the start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimHost } from '../../../../../src-main/engine/host/sim-host';
import { SimStore } from '../../../../../src-main/engine/host/sim-store';
import { openIdDatabase } from '../../../../../src-main/engine/ids/id-database';

const dirs: string[] = [];
function store(): SimStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-sim-'));
  dirs.push(dir);
  return new SimStore(dir);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const NIC = 'pci/0000:01:02.0';
const toVfio = (machine: { write(path: string, data: string): { ok: boolean } }) => {
  machine.write('/sys/bus/pci/devices/0000:01:02.0/driver_override', 'vfio-pci\n');
  machine.write('/sys/bus/pci/drivers/e1000/unbind', '0000:01:02.0\n');
  return machine.write('/sys/bus/pci/drivers_probe', '0000:01:02.0\n');
};

function host(s: SimStore): SimHost {
  return new SimHost({ scenario: 'qemu-q35', kernelRelease: '6.12.95+deb12-amd64', store: s, ids: openIdDatabase() });
}

describe('SimStore', () => {
  it('starts at the scenario’s start state and keeps changes until reset', () => {
    const s = store();
    expect(s.stamp('qemu-q35')).toBeNull();
    expect(s.load('qemu-q35').read('/sys/bus/pci/devices/0000:01:02.0/driver_override')).toEqual({ ok: true, value: '(null)\n' });
    s.change('qemu-q35', toVfio);
    expect(s.stamp('qemu-q35')).not.toBeNull();
    expect(s.load('qemu-q35').readLink('/sys/bus/pci/devices/0000:01:02.0/driver')).toMatchObject({ ok: true, value: expect.stringMatching(/vfio-pci$/) });
    expect(s.reset('qemu-q35')).toBe(true);
    expect(s.reset('qemu-q35')).toBe(false);
    expect(s.load('qemu-q35').readLink('/sys/bus/pci/devices/0000:01:02.0/driver')).toMatchObject({ value: expect.stringMatching(/e1000$/) });
  });

  it('refuses a damaged or outdated saved state with a way out, and changes nothing', () => {
    const s = store();
    fs.writeFileSync(s.file('qemu-q35'), JSON.stringify({ version: 0 }));
    expect(() => s.load('qemu-q35')).toThrow(/cannot be loaded/);
    try {
      s.load('qemu-q35');
    } catch (error) {
      expect((error as { error: { remedy: string } }).error.remedy).toContain('bindery sim reset qemu-q35');
    }
    expect(fs.readFileSync(s.file('qemu-q35'), 'utf8')).toBe(JSON.stringify({ version: 0 }));
  });

  it('takes over a lock left by a process that died', () => {
    const s = store();
    fs.writeFileSync(path.join(s.dir, 'qemu-q35.json.lock'), '999999999\n');
    expect(s.change('qemu-q35', () => 'done').result).toBe('done');
    expect(fs.existsSync(path.join(s.dir, 'qemu-q35.json.lock'))).toBe(false);
  });
});

describe('SimHost', () => {
  it('performs operations as the kernel would answer them, and saves them', async () => {
    const s = store();
    const shown = host(s);
    // Bound already: EBUSY. With the override naming another driver, e1000 no longer matches: ENODEV.
    expect(await shown.perform({ kind: 'bind', device: NIC, driver: 'e1000' })).toMatchObject({ ok: false, errno: 'EBUSY' });
    expect(await shown.perform({ kind: 'set-override', device: NIC, driver: 'vfio-pci' })).toEqual({ ok: true });
    expect(await shown.perform({ kind: 'bind', device: NIC, driver: 'e1000' })).toMatchObject({ ok: false, errno: 'ENODEV' });
    expect(await shown.perform({ kind: 'unbind', device: NIC, driver: 'e1000' })).toEqual({ ok: true });
    expect(await shown.perform({ kind: 'probe', device: NIC })).toEqual({ ok: true });
    expect(await shown.perform({ kind: 'load-module', module: 'no_such_module' })).toMatchObject({ ok: false, errno: 'ENOENT' });
    expect((await host(s).scan()).devices.find((d) => d.id === NIC)).toMatchObject({ driver: 'vfio-pci' });
  });

  it('tells the safety checks what sysfs does not say', async () => {
    const workstation = new SimHost({ scenario: 'workstation', kernelRelease: '6.12', store: store(), ids: openIdDatabase() });
    const facts = await workstation.facts();
    expect(facts.mounts).toContainEqual(expect.objectContaining({ source: '/dev/nvme0n1p2', target: '/' }));
    expect(facts.defaultRouteInterfaces).toEqual(['enp6s0']);
    expect(facts.activeDisplays).toEqual(['card1']);
    expect(facts.availableModules).toContain('vfio_pci');
  });

  it('is read by the same reader as a real machine', async () => {
    const snapshot = await host(store()).scan();
    expect(snapshot.host).toMatchObject({ id: 'sim:qemu-q35', kind: 'sim', root: '/' });
    expect(snapshot.devices.find((d) => d.id === NIC)).toMatchObject({ driver: 'e1000', iommuGroup: 9 });
    expect(snapshot.devices.some((d) => d.id === 'vdpa/vdpa0')).toBe(true);
  });

  it('notices a change saved by another process, and shows it', async () => {
    const s = store();
    const shown = host(s);
    await shown.scan();
    let changes = 0;
    const stop = shown.watch(() => { changes += 1; });
    s.change('qemu-q35', toVfio);
    await expect.poll(() => changes, { timeout: 5000 }).toBeGreaterThan(0);
    stop();
    const snapshot = await shown.scan();
    expect(snapshot.devices.find((d) => d.id === NIC)).toMatchObject({ driver: 'vfio-pci', driverOverride: 'vfio-pci' });
  });

  it('reports its own changes, and saves them for the next invocation', async () => {
    const s = store();
    const shown = host(s);
    let changes = 0;
    const stop = shown.watch(() => { changes += 1; });
    expect(shown.change(toVfio)).toEqual({ ok: true });
    expect(changes).toBeGreaterThan(0);
    stop();
    const next = host(s);
    expect((await next.scan()).devices.find((d) => d.id === NIC)?.driver).toBe('vfio-pci');
  });
});
