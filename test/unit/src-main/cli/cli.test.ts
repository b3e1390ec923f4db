// The `bindery` command as scripts use it: the built bundle, real fixture
// trees, the JSON of README.md, and exit codes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve('bin/bindery.cjs');
const TREE = path.resolve('test/fixtures/sysfs/workstation');
const ALIASES = path.resolve('test/fixtures/modules-alias/modules.alias.debian-6.12.113-amd64');
const VARIANTS = path.resolve('test/fixtures/modules-alias/modules.alias.vfio-variants-6.12');
const I40E = 'pci:v00008086d00001572sv00008086sd00000001bc02sc00i00';
const MLX5_VF = 'pci:v000015B3d0000101Esv000015B3sd00000051bc02sc00i00';

// Simulations persist in the user's state directory: each test run gets its own.
const STATE = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-cli-state-'));

function bindery(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, XDG_STATE_HOME: STATE } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function sysfsValue(device: string, attribute: string): string {
  return fs.readFileSync(path.join(TREE, 'sys/bus/pci/devices', device, attribute), 'utf8').trim();
}

describe('bindery list', () => {
  it('prints every device as JSON with the fields of README, strings as sysfs shows them', () => {
    const run = bindery('list', '--json', '--sysfs-root', TREE);
    expect(run.code).toBe(0);
    const devices = JSON.parse(run.stdout) as Record<string, unknown>[];
    const pci = devices.filter((d) => d.bus === 'pci');
    expect(pci.map((d) => d.name)).toEqual(fs.readdirSync(path.join(TREE, 'sys/bus/pci/devices')).sort());
    for (const device of pci) {
      const name = device.name as string;
      expect(device).toMatchObject({
        vendor: sysfsValue(name, 'vendor'),
        device: sysfsValue(name, 'device'),
        subsystemVendor: sysfsValue(name, 'subsystem_vendor'),
        subsystemDevice: sysfsValue(name, 'subsystem_device'),
        class: sysfsValue(name, 'class'),
        modalias: sysfsValue(name, 'modalias'),
      });
      expect(typeof device.bootVga).toBe('boolean');
      expect(device.driver === null || typeof device.driver === 'string').toBe(true);
      expect(device.iommuGroup === null || typeof device.iommuGroup === 'number').toBe(true);
      expect(device).toHaveProperty('driverOverride');
      expect(device).toHaveProperty('vendorName');
      expect(device).toHaveProperty('deviceName');
    }
    const igpu = pci.find((d) => d.name === '0000:00:02.0');
    expect(igpu).toMatchObject({ bootVga: true, driver: 'i915', vendorName: 'Intel Corporation' });
    expect(pci.find((d) => d.name === '0000:04:00.3')).toMatchObject({ driver: 'vfio-pci', driverOverride: 'vfio-pci' });
    expect(pci.find((d) => d.name === '0000:02:00.0')).toMatchObject({ driverOverride: null, iommuGroup: 6 });
  });

  it('narrows to one bus, and names the buses when the bus is unknown', () => {
    const usb = JSON.parse(bindery('list', '--bus', 'usb', '--json', '--sysfs-root', TREE).stdout) as { bus: string }[];
    expect(usb.length).toBeGreaterThan(0);
    expect(usb.every((d) => d.bus === 'usb')).toBe(true);
    const run = bindery('list', '--bus', 'nubus', '--sysfs-root', TREE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no bus "nubus"');
    expect(run.stderr).toContain('pci');
  });

  it('prints a readable table with names and interface names', () => {
    const run = bindery('list', '--sysfs-root', TREE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0000:03:00\.0\s+igb\s+8\s+Intel Corporation I210 Gigabit Network Connection \[8086:1533\]\s+enp3s0/);
  });
});

describe('bindery show', () => {
  it('finds a device by name, BUS/NAME or a short PCI address', () => {
    for (const query of ['0000:02:00.0', 'pci/0000:02:00.0', '02:00.0']) {
      const run = bindery('show', query, '--json', '--sysfs-root', TREE, '--modules-alias', ALIASES);
      expect(run.code, query).toBe(0);
      const shown = JSON.parse(run.stdout) as { id: string; candidates: { candidates: { module: string }[] } };
      expect(shown.id).toBe('pci/0000:02:00.0');
      expect(shown.candidates.candidates[0]?.module).toBe('nvme');
    }
  });

  it('shows the GPU’s group companions and the reason its driver matched', () => {
    const run = bindery('show', '0000:01:00.0', '--sysfs-root', TREE, '--modules-alias', ALIASES);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pci/0000:01:00.1');
    expect(run.stdout).toMatch(/nouveau.*Matches/);
  });

  it('says plainly when the device does not exist', () => {
    const run = bindery('show', '0000:09:00.0', '--sysfs-root', TREE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No such device');
    expect(run.stdout).toBe('');
  });
});

describe('bindery candidates', () => {
  it('prints the documented JSON for a modalias', () => {
    const run = bindery('candidates', '--modalias', I40E, '--json', '--modules-alias', ALIASES, '--sysfs-root', TREE);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { modalias: string; vfio: string; candidates: Record<string, unknown>[] };
    expect(report.modalias).toBe(I40E);
    expect(report.vfio).toBe('vfio_pci');
    expect(report.candidates[0]).toMatchObject({ module: 'i40e', kind: 'driver' });
    expect(Object.keys(report.candidates[0] ?? {})).toEqual(expect.arrayContaining(['module', 'alias', 'kind', 'score']));
  });

  it('picks the VFIO variant driver when the alias file has one', () => {
    const run = bindery('candidates', '--modalias', MLX5_VF, '--json', '--modules-alias', VARIANTS, '--sysfs-root', TREE);
    expect((JSON.parse(run.stdout) as { vfio: string }).vfio).toBe('mlx5_vfio_pci');
  });

  it('answers a modalias file line by line, with an error object for a bad line', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-cli-')), 'aliases.txt');
    fs.writeFileSync(file, `${I40E}\npci:v8086\n${MLX5_VF}\n`);
    const run = bindery('candidates', '--modalias-file', file, '--json', '--modules-alias', ALIASES, '--sysfs-root', TREE);
    expect(run.code).toBe(2);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ modalias: I40E, vfio: 'vfio_pci' });
    expect(lines[1]).toMatchObject({ modalias: 'pci:v8086', error: { code: 'BAD_MODALIAS' } });
    expect(lines[2]).toMatchObject({ modalias: MLX5_VF });
  });

  it('rejects a malformed modalias with a specific message', () => {
    const run = bindery('candidates', '--modalias', 'pci:v00008086', '--modules-alias', ALIASES, '--sysfs-root', TREE);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pci:v/);
  });

  it('says so plainly when there is no modules.alias', () => {
    const run = bindery('candidates', '0000:02:00.0', '--sysfs-root', TREE);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('No modules.alias');
    expect(run.stderr).toContain('--modules-alias');
  });
});

describe('bad input', () => {
  it.each([
    [['frobnicate'], /not a bindery command/],
    [['list', '--colour'], /Unknown option/],
    [['show'], /needs one DEVICE/],
    [['candidates', 'x', '--modalias', 'y'], /exactly one of/],
    [['list', '--sysfs-root', '/nonexistent/tree'], /has no sys\/bus folder/],
    [['list', '--modules-alias', '/nonexistent/modules.alias'], /Cannot read modules.alias/],
    [['candidates', '--modalias-file', '/nonexistent/file', '--modules-alias', ALIASES], /Cannot read the modalias file/],
  ])('%j is refused with exit 2', (args, message) => {
    const run = bindery(...(args as string[]));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('prints help with exit 0', () => {
    const run = bindery('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('bindery candidates --modalias-file FILE');
  });
});

describe('simulated hosts', () => {
  const EXAMPLES = path.resolve('test/fixtures/kernel-vm/examples');
  const script = (name: string) => path.join(EXAMPLES, `${name}.sysfs`);
  const recorded = (name: string) => fs.readFileSync(path.join(EXAMPLES, `${name}.out`), 'utf8');

  it('lists the scenarios', () => {
    const run = bindery('sim', 'list');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^qemu-q35\s+start\s+The project's test VM/m);
  });

  it('runs sysfs scripts on a fresh machine and prints what the real kernel printed', () => {
    const run = bindery('sim', 'script', 'qemu-q35', script('start-state'), script('vfio-switch'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`# start-state.sysfs\n${recorded('start-state')}# vfio-switch.sysfs\n${recorded('vfio-switch')}`);
  });

  it('keeps a simulation’s changes between invocations, until reset', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-cli-script-'));
    const toVfio = path.join(dir, 'to-vfio.sysfs');
    fs.writeFileSync(toVfio, [
      'write /sys/bus/pci/devices/0000:01:02.0/driver_override vfio-pci',
      'write /sys/bus/pci/drivers/e1000/unbind 0000:01:02.0',
      'write /sys/bus/pci/drivers_probe 0000:01:02.0',
    ].join('\n'));
    const driver = () =>
      (JSON.parse(bindery('--host', 'sim:qemu-q35', 'show', '0000:01:02.0', '--json').stdout) as { driver: string }).driver;
    expect(driver()).toBe('e1000');
    expect(bindery('sim', 'run', 'qemu-q35', toVfio).stdout).toContain('write /sys/bus/pci/drivers_probe 0000:01:02.0 => ok');
    expect(driver()).toBe('vfio-pci');
    expect(bindery('sim', 'list').stdout).toMatch(/^qemu-q35\s+changed/m);
    expect(bindery('sim', 'reset', 'qemu-q35').stdout).toContain('back at its start state');
    expect(driver()).toBe('e1000');
  });

  it('materialises a simulation into a tree that reads the same', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-cli-tree-')), 'q35');
    const run = bindery('sim', 'materialize', 'qemu-q35', dir);
    expect(run.code).toBe(0);
    const fromTree = bindery('list', '--json', '--sysfs-root', dir).stdout;
    const fromSim = bindery('--host', 'sim:qemu-q35', 'list', '--json').stdout;
    expect(JSON.parse(fromTree)).toEqual(JSON.parse(fromSim));
    const again = bindery('sim', 'materialize', 'qemu-q35', dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not an empty folder');
  });

  it.each([
    [['sim', 'script', 'nowhere', 'x.sysfs'], /No such scenario/],
    [['sim', 'script', 'qemu-q35'], /needs SCENARIO and at least one FILE/],
    [['sim', 'script', 'qemu-q35', '/nonexistent.sysfs'], /Cannot read the script/],
    [['sim', 'frobnicate'], /not a bindery command/],
    [['--host', 'sim:nowhere', 'list'], /No such host/],
    [['--host', 'elsewhere', 'list'], /is not a host/],
    [['--host', 'sim:qemu-q35', '--sysfs-root', TREE, 'list'], /Two hosts given/],
  ])('%j is refused with exit 2', (args, message) => {
    const run = bindery(...(args as string[]));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('changing a host (on a simulation)', () => {
  const on = (...args: string[]) => bindery('--host', 'sim:workstation', ...args);
  const driverOf = (device: string) => (JSON.parse(on('show', device, '--json').stdout) as { driver: string | null }).driver;

  it('plans without changing anything, naming every device it touches', () => {
    bindery('sim', 'reset', 'workstation');
    const run = on('plan', 'assign-vfio', '05:00.0', '--json');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as { devices: { device: string; before: { driver: string }; after: { driver: string } }[]; steps: unknown[] };
    expect(plan.devices.map((d) => [d.device, d.before.driver, d.after.driver])).toEqual([
      ['pci/0000:05:00.0', 'amdgpu', 'vfio-pci'],
      ['pci/0000:05:00.1', 'snd_hda_intel', 'vfio-pci'],
    ]);
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(driverOf('05:00.0')).toBe('amdgpu');
  });

  it('applies and undoes, round trip to the same drivers, with the outcome as JSON', () => {
    bindery('sim', 'reset', 'workstation');
    const applied = on('apply', 'assign-vfio', '0000:05:00.0', '--yes', '--json');
    expect(applied.code).toBe(0);
    const outcome = JSON.parse(applied.stdout) as { status: string; devices: { device: string; before: { driver: string }; after: { driver: string } }[] };
    expect(outcome.status).toBe('done');
    expect(outcome.devices.map((d) => [d.device, d.before.driver, d.after.driver])).toEqual(expect.arrayContaining([
      ['pci/0000:05:00.0', 'amdgpu', 'vfio-pci'],
      ['pci/0000:05:00.1', 'snd_hda_intel', 'vfio-pci'],
    ]));
    expect(driverOf('05:00.1')).toBe('vfio-pci');
    const history = JSON.parse(on('history', '--json').stdout) as { plan: { summary: string }; undoneBy: string | null }[];
    expect(history).toHaveLength(1);
    expect(on('undo', '--yes').code).toBe(0);
    expect([driverOf('05:00.0'), driverOf('05:00.1')]).toEqual(['amdgpu', 'snd_hda_intel']);
    const after = JSON.parse(on('history', '--json').stdout) as { undoneBy: string | null }[];
    expect(after.map((e) => e.undoneBy !== null)).toEqual([false, true]);
    expect(on('undo', '--yes').stderr).toContain('Nothing to undo');
  });

  it('refuses the boot disk with the reason and exit 1, and changes nothing', () => {
    bindery('sim', 'reset', 'workstation');
    const run = on('apply', 'assign-vfio', '02:00.0', '--yes');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('This is the boot disk');
    expect(run.stdout).toContain('nothing changed');
    expect(driverOf('02:00.0')).toBe('nvme');
    expect(on('plan', 'assign-vfio', '02:00.0').code).toBe(1);
  });

  it('refuses the display GPU unless forced', () => {
    bindery('sim', 'reset', 'workstation');
    const run = on('apply', 'assign-vfio', '01:00.0', '--yes');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('--force overrides this');
    expect(driverOf('01:00.0')).toBe('nouveau');
    expect(on('apply', 'assign-vfio', '01:00.0', '--yes', '--force').code).toBe(0);
    expect(driverOf('01:00.0')).toBe('vfio-pci');
  });

  it('will not apply without confirmation when there is no terminal to ask on', () => {
    bindery('sim', 'reset', 'workstation');
    const run = on('apply', 'unbind', '07:00.0');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--yes');
    expect(driverOf('07:00.0')).toBe('xhci_hcd');
  });

  it('keeps a device across reboots, and forgets it', () => {
    bindery('sim', 'reset', 'workstation');
    expect(on('persist', '05:00.0').code).toBe(0);
    const kept = JSON.parse(on('persisted', '--json').stdout) as { devices: { device: string; driver: string; present: boolean }[] };
    expect(kept.devices).toEqual([{ device: 'pci/0000:05:00.0', driver: 'amdgpu', present: true }]);
    expect(on('unpersist', '05:00.0').code).toBe(0);
    expect((JSON.parse(on('persisted', '--json').stdout) as { devices: unknown[] }).devices).toEqual([]);
  });

  it.each([
    [['plan'], /needs a GOAL/],
    [['plan', 'assign-vfio'], /at least one DEVICE/],
    [['plan', 'bind', '05:00.0'], /DEVICE and DRIVER/],
    [['plan', 'frobnicate', '05:00.0'], /needs a GOAL/],
    [['plan', 'assign-vfio', '09:00.0'], /No such device/],
    [['apply', 'bind', '05:00.0', '../../etc'], /driver/i],
    [['recover', 'sideways'], /finish, undo, or nothing/],
    [['history', '--force'], /does not apply/],
  ])('%j is refused with exit 2', (args, message) => {
    const run = on(...(args as string[]));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
