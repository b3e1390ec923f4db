// Malformed modaliases are refused with a message that says what is wrong.
import { describe, expect, it } from 'vitest';
import { assertModalias, modaliasProblem } from '../../../../../src-main/engine/alias/modalias-check';
import { BinderyFailure } from '../../../../../src-shared/errors';

const I40E = 'pci:v00008086d00001572sv00008086sd00000001bc02sc00i00';

describe('modaliasProblem', () => {
  it('accepts what the kernel prints', () => {
    for (const ok of [
      I40E,
      'vfio_pci:v000015B3d0000101Esv000015B3sd00000001bc02sc00i00',
      'usb:v0BDAp8153d3100dc00dsc00dp00icFFisc00ip00in00',
      'virtio:d00000001v00001AF4',
      'platform:serial8250',
      'auxiliary:mlx5_core.eth',
      'of:NuartT(null)Cns16550a',
      'acpi:PNP0A08:PNP0A03:',
      'xen-backend:vbd',
    ]) {
      expect(modaliasProblem(ok), ok).toBeNull();
    }
  });

  it('says the modalias is empty', () => {
    expect(modaliasProblem('')).toBe('The modalias is empty.');
  });

  it('names whitespace and control characters and where they are', () => {
    expect(modaliasProblem(`${I40E}\n`)).toContain('contains a newline at position 54');
    expect(modaliasProblem(`${I40E}\n`)).toContain('strip the newline a sysfs file ends with');
    expect(modaliasProblem('pci: v0')).toContain('contains a space at position 5');
    expect(modaliasProblem('pci:\u0001')).toContain('the control character U+0001');
    expect(modaliasProblem('platform:caf\u00e9')).toContain('the non-ASCII character U+00E9');
  });

  it('refuses more than 1,024 characters', () => {
    expect(modaliasProblem(`platform:${'x'.repeat(1016)}`)).toContain('1025 characters long');
    expect(modaliasProblem(`platform:${'x'.repeat(1015)}`)).toBeNull();
  });

  it('wants a bus prefix', () => {
    expect(modaliasProblem('v00008086d00001572')).toContain('has no bus prefix');
    expect(modaliasProblem(':abc')).toContain('has no bus prefix');
  });

  it('refuses unbalanced brackets as kmod does', () => {
    expect(modaliasProblem('platform:a[b')).toContain('unmatched "[" or "]"');
    expect(modaliasProblem('platform:a]b')).toContain('unmatched "[" or "]"');
  });

  it('explains the PCI format with an example', () => {
    const problem = modaliasProblem('pci:v8086d1572sv8086sd0001bc02sc00i00');
    expect(problem).toContain('v (vendor) needs 8 uppercase hex digits, not "8086" (zero-padded: v00008086)');
    expect(problem).toContain('A PCI modalias is pci:v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X, e.g. pci:v00008086d00001572');
    expect(modaliasProblem('pci:v00008086d00001572bc02sc00i00')).toContain('"sv" (subvendor) should come next, where it has "bc02sc"');
    expect(modaliasProblem('pci:v00008086d00001572sv00008086sd00000001bc02sc00')).toContain('"i" (progif) should come next, where it has nothing');
    expect(modaliasProblem(`${I40E}ff`)).toContain('"ff" follows the last field');
  });

  it('tells the uppercase form of lowercase PCI hex', () => {
    expect(modaliasProblem('pci:v000015b3d0000101esv000015b3sd00000001bc02sc00i00')).toBe(
      '"pci:v000015b3d0000101esv000015b3sd00000001bc02sc00i00" has lowercase hex digits; the kernel prints them in '
      + 'uppercase and kmod compares case-sensitively, so write pci:v000015B3d0000101Esv000015B3sd00000001bc02sc00i00.',
    );
  });

  it('recognises an alias pattern pasted instead of a modalias', () => {
    expect(modaliasProblem('pci:v*d*sv*sd*bc01sc08i02*')).toContain('like an alias pattern from modules.alias');
  });

  it('checks USB and virtio layouts too', () => {
    expect(modaliasProblem('usb:v0BDAp8153d3100dc00dsc00dp00icFFisc00ip00')).toContain('"in" (interfaceNumber) should come next');
    expect(modaliasProblem('usb:v0bdap8153d3100dc00dsc00dp00icffisc00ip00in00')).toContain(
      'write usb:v0BDAp8153d3100dc00dsc00dp00icFFisc00ip00in00');
    expect(modaliasProblem('virtio:d1v1AF4')).toContain('d (device) needs 8 uppercase hex digits, not "1"');
    expect(modaliasProblem('virtio:d1v1AF4')).toContain('A virtio modalias is virtio:d%08Xv%08X');
  });
});

describe('assertModalias', () => {
  it('throws BAD_MODALIAS with the problem as detail', () => {
    let thrown: unknown;
    try {
      assertModalias('pci:v1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BinderyFailure);
    const failure = thrown as BinderyFailure;
    expect(failure.error.code).toBe('BAD_MODALIAS');
    expect(failure.error.detail).toContain('v (vendor) needs 8 uppercase hex digits, not "1"');
    expect(failure.error.remedy).toContain('/modalias');
  });
});
