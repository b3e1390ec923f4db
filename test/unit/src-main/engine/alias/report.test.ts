// Candidate reports for real devices on the Debian 6.12 and VFIO-variant
// files: which drivers, in which order, why, and what is bound or loaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAliasDatabase } from '../../../../../src-main/engine/alias/database';
import { candidatesForDevice, candidatesForModalias } from '../../../../../src-main/engine/alias/report';
import type { CandidateReport } from '../../../../../src-shared/candidates';
import { BinderyFailure } from '../../../../../src-shared/errors';
import type { Device } from '../../../../../src-shared/model';
import { DEBIAN_6_12, VFIO_VARIANTS_6_12 } from './support/fixtures';
import { writeSysModules } from './support/sysfs-modules';

const NOWHERE = '/nonexistent-bindery-root';
const debian = loadAliasDatabase({ root: NOWHERE, kernelRelease: null, modulesAliasFile: DEBIAN_6_12 });
const variants = loadAliasDatabase({ root: NOWHERE, kernelRelease: null, modulesAliasFile: VFIO_VARIANTS_6_12 });

const SAMSUNG_990_PRO = 'pci:v0000144Dd0000A80Csv0000144Dsd0000A801bc01sc08i02';
const INTEL_X710 = 'pci:v00008086d00001572sv00008086sd00000001bc02sc00i00';
const RTX_4090 = 'pci:v000010DEd00002684sv00001043sd000088E2bc03sc00i00';
const RTX_4090_AUDIO = 'pci:v000010DEd000022BAsv00001043sd000088E2bc04sc03i00';
const INTEL_ADL_HDA = 'pci:v00008086d000051C8sv00001028sd00000B19bc04sc03i80';
const CONNECTX_6_DX = 'pci:v000015B3d0000101Dsv000015B3sd00000016bc02sc00i00';
const CONNECTX_6_DX_VF = 'pci:v000015B3d0000101Esv000015B3sd00000016bc02sc00i00';

function rows(report: CandidateReport): string[] {
  return report.candidates.map((c) => `${c.module} ${c.kind} ${c.score}`);
}

function device(overrides: Partial<Device> & Pick<Device, 'bus' | 'name'>): Device {
  return {
    id: `${overrides.bus}/${overrides.name}`,
    sysfsPath: `/sys/devices/${overrides.name}`,
    parent: null,
    modalias: null,
    driver: null,
    driverModule: null,
    driverOverride: null,
    supportsOverride: overrides.bus === 'pci',
    iommuGroup: null,
    classDevices: [],
    names: { vendor: null, device: null, subsystemVendor: null, subsystemDevice: null, class: null, progIf: null },
    pci: null,
    usb: null,
    ...overrides,
  };
}

describe('candidatesForModalias', () => {
  it('finds nvme for an NVMe drive by its class alone', () => {
    const report = candidatesForModalias(debian, SAMSUNG_990_PRO, NOWHERE);
    expect(rows(report)).toEqual(['nvme driver 3', 'vfio_pci vfio-generic 0']);
    expect(report.candidates[0]).toMatchObject({
      alias: 'pci:v*d*sv*sd*bc01sc08i02*', pinned: ['baseclass', 'subclass', 'progif'],
      reason: 'Matches any device of class 01:08:02 (any vendor).', driver: 'nvme', driverSource: 'module-name',
    });
    expect(report).toMatchObject({ recommended: 'nvme', vfio: 'vfio_pci', modalias: SAMSUNG_990_PRO, deviceId: null, note: null });
  });

  it('finds i40e for an X710 by vendor and device ID', () => {
    const report = candidatesForModalias(debian, INTEL_X710, NOWHERE);
    expect(rows(report)).toEqual(['i40e driver 4', 'vfio_pci vfio-generic 0']);
    expect(report.candidates[0]?.reason).toBe('Matches vendor 8086 and device 1572 exactly; any subsystem or class.');
    expect(report.candidates[1]).toMatchObject({ driver: 'vfio-pci', driverSource: 'known', alias: 'vfio_pci:v*d*sv*sd*bc*sc*i*' });
  });

  it('finds nouveau for an NVIDIA GPU and snd_hda_intel for its audio function, by vendor and class', () => {
    const gpu = candidatesForModalias(debian, RTX_4090, NOWHERE);
    expect(gpu.recommended).toBe('nouveau');
    expect(gpu.candidates[0]?.reason).toBe('Matches vendor 10de and class 03 exactly; any device ID or subsystem.');
    const audio = candidatesForModalias(debian, RTX_4090_AUDIO, NOWHERE);
    expect(rows(audio)).toEqual(['snd_hda_intel driver 5', 'vfio_pci vfio-generic 0']);
    expect(audio.candidates[0]).toMatchObject({ driver: 'snd_hda_intel', driverSource: 'known' });
  });

  it('lists every driver of an Intel HD Audio controller, equal scores in file order', () => {
    const report = candidatesForModalias(debian, INTEL_ADL_HDA, NOWHERE);
    expect(rows(report)).toEqual([
      'snd_hda_intel driver 4', 'snd_soc_avs driver 4', 'snd_sof_pci_intel_tgl driver 4', 'vfio_pci vfio-generic 0',
    ]);
    expect(report.recommended).toBe('snd_hda_intel');
  });

  it('offers mlx5_vfio_pci for a ConnectX VF where the variant driver exists, and chooses it for VFIO', () => {
    const report = candidatesForModalias(variants, CONNECTX_6_DX_VF, NOWHERE);
    expect(rows(report)).toEqual(['mlx5_core driver 4', 'mlx5_vfio_pci vfio-variant 4', 'vfio_pci vfio-generic 0']);
    expect(report.vfio).toBe('mlx5_vfio_pci');
    expect(report.candidates[1]).toMatchObject({ driver: 'mlx5_vfio_pci', driverSource: 'known' });
    expect(candidatesForModalias(debian, CONNECTX_6_DX_VF, NOWHERE).vfio).toBe('vfio_pci');
    expect(candidatesForModalias(variants, CONNECTX_6_DX, NOWHERE).vfio).toBe('vfio_pci');
  });

  it('answers a vfio_pci: key with the VFIO drivers only', () => {
    const report = candidatesForModalias(variants, `vfio_${CONNECTX_6_DX_VF}`, NOWHERE);
    expect(rows(report)).toEqual(['mlx5_vfio_pci vfio-variant 4', 'vfio_pci vfio-generic 0']);
    expect(report).toMatchObject({ recommended: null, vfio: 'mlx5_vfio_pci' });
  });

  it('ranks the USB drivers that pin the interface class above the one that pins only the IDs', () => {
    const report = candidatesForModalias(debian, 'usb:v0BDAp8153d3100dc00dsc00dp00ic02isc06ip00in00', NOWHERE);
    expect(rows(report)).toEqual(['cdc_ether driver 7', 'r8153_ecm driver 7', 'r8152 driver 4']);
    expect(report.vfio).toBeNull();
  });

  it('finds virtio_net for a virtio network device, with no VFIO choice', () => {
    const report = candidatesForModalias(debian, 'virtio:d00000001v00001AF4', NOWHERE);
    expect(rows(report)).toEqual(['virtio_net driver 2']);
    expect(report.candidates[0]?.reason).toBe('Matches virtio device ID 0001 exactly; any vendor.');
    expect(report.vfio).toBeNull();
  });

  it('matches other buses by name, normalising - and _', () => {
    const report = candidatesForModalias(debian, 'platform:cs42l43_pinctrl', NOWHERE);
    expect(report.candidates.map((c) => [c.module, c.alias, c.score])).toEqual([
      ['pinctrl_cs42l43', 'platform:cs42l43-pinctrl', 1],
    ]);
  });

  it('offers only VFIO for a PCI device no driver knows', () => {
    const report = candidatesForModalias(debian, 'pci:v00001234d00005678sv00000000sd00000000bcFFsc00i00', NOWHERE);
    expect(rows(report)).toEqual(['vfio_pci vfio-generic 0']);
    expect(report).toMatchObject({ recommended: null, vfio: 'vfio_pci', note: null });
  });

  it('throws BAD_MODALIAS for a malformed modalias', () => {
    expect(() => candidatesForModalias(debian, 'pci:v8086d1572', NOWHERE)).toThrow(BinderyFailure);
    expect(() => candidatesForModalias(debian, '', NOWHERE)).toThrow('The modalias is empty.');
  });
});

describe('candidatesForDevice', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-alias-report-'));
    writeSysModules(root, {
      i40e: ['pci:i40e'],
      vfio_pci: ['pci:vfio-pci'],
      mlx5_core: ['pci:mlx5_core', 'auxiliary:mlx5_core.eth', 'auxiliary:mlx5_core.rdma'],
    });
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('marks the bound driver and the loaded modules', () => {
    const nic = device({ bus: 'pci', name: '0000:3b:00.0', modalias: INTEL_X710, driver: 'i40e' });
    const report = candidatesForDevice(debian, nic, root);
    expect(report.deviceId).toBe('pci/0000:3b:00.0');
    expect(report.candidates.map((c) => [c.module, c.driver, c.driverSource, c.loaded, c.bound])).toEqual([
      ['i40e', 'i40e', 'sysfs', true, true],
      ['vfio_pci', 'vfio-pci', 'sysfs', true, false],
    ]);
    expect(report.note).toBeNull();
  });

  it('sees a device bound to vfio-pci as bound to the vfio_pci candidate', () => {
    const nic = device({ bus: 'pci', name: '0000:3b:00.1', modalias: INTEL_X710, driver: 'vfio-pci' });
    expect(candidatesForDevice(debian, nic, root).candidates.filter((c) => c.bound).map((c) => c.module)).toEqual(['vfio_pci']);
  });

  it('says so when the bound driver is none of the candidates', () => {
    const port = device({
      bus: 'pci', name: '0000:00:1c.0', modalias: 'pci:v00008086d00007ABAsv00001028sd00000B19bc06sc04i00', driver: 'pcieport',
    });
    expect(candidatesForDevice(debian, port, root).note).toContain('It is bound to pcieport, which no alias here names for it');
  });

  it('builds the modalias of an auxiliary device from its name', () => {
    const eth = device({ bus: 'auxiliary', name: 'mlx5_core.eth.0', driver: 'mlx5_core.eth' });
    const report = candidatesForDevice(debian, eth, root);
    expect(report.modalias).toBe('auxiliary:mlx5_core.eth');
    expect(report.candidates.map((c) => [c.module, c.driver, c.bound])).toEqual([['mlx5_core', 'mlx5_core.eth', true]]);
    expect(report.note).toContain('Auxiliary devices have no modalias file');
  });

  it('explains why vDPA devices, mdevs and USB devices have no candidates', () => {
    const vdpa = candidatesForDevice(debian, device({ bus: 'vdpa', name: 'vdpa0' }), root);
    expect(vdpa).toMatchObject({ candidates: [], modalias: null, vfio: null, recommended: null });
    expect(vdpa.note).toContain('virtio_vdpa');
    expect(vdpa.note).toContain('vhost_vdpa');
    const mdev = candidatesForDevice(debian, device({ bus: 'mdev', name: '83b8f4f2-509f-382f-3c1e-e6bfe0fa1001' }), root);
    expect(mdev.note).toContain('Mediated devices have no modalias');
    const usb = candidatesForDevice(debian, device({ bus: 'usb', name: '1-1' }), root);
    expect(usb.note).toContain('its interfaces (such as 1-1:1.0) carry one');
  });

  it('notes a malformed modalias instead of throwing', () => {
    const odd = device({ bus: 'pci', name: '0000:00:02.0', modalias: 'pci:v00008086d00001572sv00008086sd00000001bc02sc00i00\n' });
    const report = candidatesForDevice(debian, odd, root);
    expect(report.candidates).toEqual([]);
    expect(report.note).toContain("The device's modalias cannot be matched.");
    expect(report.note).toContain('contains a newline');
  });
});
