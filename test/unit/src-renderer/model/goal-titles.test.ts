import { describe, expect, it } from 'vitest';
import { goalTitle } from '../../../../src-renderer/model/goal-titles';

describe('goalTitle', () => {
  it('names the change before the plan (and its summary) exists', () => {
    expect(goalTitle({ kind: 'assign-vfio', devices: ['pci/0000:05:00.0'] })).toBe('Assign 0000:05:00.0 to VFIO');
    expect(goalTitle({ kind: 'return-to-host', devices: ['pci/0000:05:00.0', 'pci/0000:05:00.1'] })).toBe('Return 0000:05:00.0, 0000:05:00.1 to the host');
    expect(goalTitle({ kind: 'bind', device: 'pci/0000:06:00.0', driver: 'igc' })).toBe('Bind 0000:06:00.0 to igc');
    expect(goalTitle({ kind: 'unbind', device: 'usb/1-1' })).toBe('Unbind 1-1');
    expect(goalTitle({ kind: 'set-override', device: 'pci/0000:06:00.0', driver: 'vfio-pci' })).toBe('Set the driver override of 0000:06:00.0 to vfio-pci');
    expect(goalTitle({ kind: 'clear-override', device: 'pci/0000:06:00.0' })).toBe('Clear the driver override of 0000:06:00.0');
    expect(goalTitle({ kind: 'undo', planId: 'x' })).toBe('Undo a change');
  });
});
