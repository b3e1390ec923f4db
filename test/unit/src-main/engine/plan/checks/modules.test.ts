// module-missing, module-blacklisted, no-modules-alias, module-binds-others.
import { describe, expect, it } from 'vitest';
import { loadAliasDatabase } from '../../../../../../src-main/engine/alias/database';
import { codes, planOn, scenarioData, simHost, variantHost } from '../support/sim';

describe('modules', () => {
  it('refuses to load a module that is not installed', async () => {
    const plan = await planOn(simHost('qemu-q35'), { kind: 'bind', device: 'pci/0000:00:08.1', driver: 'snd_hda_intel' });
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Load module snd_hda_intel; snd_hda_intel takes 0000:00:08.1 as it registers',
    ]);
    expect(codes(plan)).toEqual(['refuse:module-missing']);
    expect(plan.findings[0]?.detail).toBe('The plan loads snd_hda_intel, but kernel 6.12.95+deb12-amd64 has no such module installed, so modprobe fails.');
  });

  it('falls back on vfio-pci when the variant driver is not installed, and refuses a VFIO module that is not', async () => {
    const data = scenarioData('sriov-server');
    const withoutVariant = {
      ...data, name: 'sriov-server-no-variant',
      modules: (data.modules as string[]).filter((m) => m !== 'mlx5_vfio_pci'),
      boot: (data.boot as string[]).filter((step) => !/0000:3b:00\.5|mlx5_vfio_pci|vfio open/.test(step)),
    };
    const plan = await planOn(variantHost(withoutVariant), { kind: 'assign-vfio', devices: ['pci/0000:3b:00.2'] });
    expect(plan.devices[0]?.after).toEqual({ driver: 'vfio-pci', override: 'vfio-pci' });
    expect(plan.devices[0]?.reason).toContain('mlx5_vfio_pci, the VFIO variant driver for it, is not installed');
    expect(codes(plan)).toEqual(['warning:child-devices']);
    const missing = await planOn(simHost('igpu-mdev'), { kind: 'assign-vfio', devices: ['pci/0000:00:14.0'] }, { facts: { availableModules: [] } });
    expect(codes(missing)).toEqual(['refuse:module-missing']);
  });

  it('warns that a blacklisted module still loads by name', async () => {
    const plan = await planOn(simHost('igpu-mdev'), { kind: 'assign-vfio', devices: ['pci/0000:00:14.0'] },
      { facts: { blacklistedModules: ['vfio_pci'] } });
    expect(codes(plan)).toEqual(['warning:module-blacklisted']);
    expect(plan.findings[0]).toMatchObject({ devices: ['pci/0000:00:14.0', 'pci/0000:00:14.2'] });
    expect(plan.findings[0]?.detail).toContain('Bindery loads it by name, which works');
  });

  it('without modules.alias, falls back on vfio-pci with a warning, and cannot choose a host driver', async () => {
    const target = simHost('sriov-server');
    const none = { host: target.host, aliases: loadAliasDatabase({ root: '/', kernelRelease: null, modulesAliasFile: '/nonexistent/modules.alias' }) };
    const assign = await planOn(none, { kind: 'assign-vfio', devices: ['pci/0000:3b:00.2'] });
    expect(assign.devices[0]?.after).toEqual({ driver: 'vfio-pci', override: 'vfio-pci' });
    expect(codes(assign)).toEqual(['warning:no-modules-alias', 'warning:child-devices']);
    expect(target.host.change((machine) => machine.vfioGroupClose(41))).toEqual({ ok: true });
    const back = await planOn(none, { kind: 'return-to-host', devices: ['pci/0000:3b:00.5'] });
    expect(codes(back)).toEqual(['refuse:no-modules-alias']);
    expect(back.findings[0]?.forceable).toBe(true);
    const remembered = await planOn(none, { kind: 'return-to-host', devices: ['pci/0000:3b:00.5'] }, { remembered: new Map([['pci/0000:3b:00.5', 'mlx5_core']]) });
    expect(codes(remembered)).toEqual([]);
  });
});
