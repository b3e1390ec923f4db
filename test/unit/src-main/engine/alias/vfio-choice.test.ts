// libvirt's choice of VFIO driver: the `vfio_pci:` line whose fields are each
// `*` or the device's own, fewest `*` first, the first line on a tie, and the
// generic vfio_pci when none fits.
import { describe, expect, it } from 'vitest';
import { parseAliasFile } from '../../../../../src-main/engine/alias/alias-file';
import { loadAliasDatabase } from '../../../../../src-main/engine/alias/database';
import { chooseVfioModule } from '../../../../../src-main/engine/alias/vfio-choice';
import { DEBIAN_6_12, VFIO_VARIANTS_6_12 } from './support/fixtures';

const variants = loadAliasDatabase({ root: '/nonexistent', kernelRelease: null, modulesAliasFile: VFIO_VARIANTS_6_12 });
const debian = loadAliasDatabase({ root: '/nonexistent', kernelRelease: null, modulesAliasFile: DEBIAN_6_12 });

/** The body of a PCI modalias for vendor:device, with a plausible subsystem and class. */
function body(vendor: string, device: string, cls = '020000'): string {
  const id = (hex: string): string => hex.toUpperCase().padStart(8, '0');
  return `v${id(vendor)}d${id(device)}sv${id(vendor)}sd00000001bc${cls.slice(0, 2)}sc${cls.slice(2, 4)}i${cls.slice(4)}`;
}

describe('chooseVfioModule', () => {
  it.each([
    ['15b3', '101e', 'mlx5_vfio_pci'],
    ['1af4', '1041', 'virtio_vfio_pci'],
    ['1dd8', '1003', 'pds_vfio_pci'],
    ['8086', '4941', 'qat_vfio_pci'],
    ['8086', '4945', 'qat_vfio_pci'],
    ['19e5', 'a256', 'hisi_acc_vfio_pci'],
    ['10de', '2342', 'nvgrace_gpu_vfio_pci'],
    ['8086', '1572', 'vfio_pci'],
    ['15b3', '101d', 'vfio_pci'],
    ['10de', '2684', 'vfio_pci'],
  ])('picks for %s:%s the module %s on a kernel with the variant drivers', (vendor, device, module) => {
    expect(variants.vfioEntries).toHaveLength(12);
    expect(chooseVfioModule(variants.vfioEntries, body(vendor, device))).toBe(module);
  });

  it('picks vfio_pci for everything on Debian, which builds no variant drivers', () => {
    expect(debian.vfioEntries.map((e) => e.module)).toEqual(['vfio_pci']);
    for (const [vendor, device] of [['15b3', '101e'], ['1af4', '1041'], ['8086', '1572']] as const) {
      expect(chooseVfioModule(debian.vfioEntries, body(vendor, device))).toBe('vfio_pci');
    }
  });

  it('gives a tie to the line that comes first', () => {
    const entries = parseAliasFile([
      'alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci',
      'alias vfio_pci:v000015B3d0000101Esv*sd*bc*sc*i* first_variant',
      'alias vfio_pci:v000015B3d0000101Esv*sd*bc*sc*i* second_variant',
    ].join('\n'), false, 0);
    expect(chooseVfioModule(entries, body('15b3', '101e'))).toBe('first_variant');
    expect(chooseVfioModule(entries.reverse(), body('15b3', '101e'))).toBe('second_variant');
  });

  it('prefers fewer * over file order', () => {
    const entries = parseAliasFile([
      'alias vfio_pci:v000015B3d0000101Esv*sd*bc*sc*i* by_id',
      'alias vfio_pci:v000015B3d0000101Esv000015B3sd*bc*sc*i* by_subvendor',
    ].join('\n'), false, 0);
    expect(chooseVfioModule(entries, body('15b3', '101e'))).toBe('by_subvendor');
  });

  it('never picks a line with a glob inside a field, although fnmatch would match it', () => {
    const entries = parseAliasFile([
      'alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci',
      'alias vfio_pci:v000015B3d0000101?sv000015B3sd*bc*sc*i* question_mark',
      'alias vfio_pci:v000015B3d00001*sv000015B3sd*bc*sc*i* star_inside',
      'alias vfio_pci:v000015B3d0000101[DE]sv000015B3sd*bc*sc*i* bracket',
    ].join('\n'), false, 0);
    expect(chooseVfioModule(entries, body('15b3', '101e'))).toBe('vfio_pci');
  });

  it('falls back to vfio_pci when the file has no vfio_pci: line at all', () => {
    expect(chooseVfioModule([], body('15b3', '101e'))).toBe('vfio_pci');
  });
});
