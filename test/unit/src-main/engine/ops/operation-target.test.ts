// Operations become sysfs writes only through this function: the right file,
// the right bytes, and nothing for a name that could steer a write elsewhere.
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../../../src-shared/plan';
import { operationTarget } from '../../../../../src-main/engine/ops/operation-target';

describe('operationTarget', () => {
  it('writes the kernel’s files with exactly one trailing newline', () => {
    expect(operationTarget({ kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'vfio-pci' }))
      .toEqual({ kind: 'write', path: '/sys/bus/pci/devices/0000:01:00.0/driver_override', data: 'vfio-pci\n' });
    expect(operationTarget({ kind: 'set-override', device: 'pci/0000:01:00.0', driver: null }))
      .toEqual({ kind: 'write', path: '/sys/bus/pci/devices/0000:01:00.0/driver_override', data: '\n' });
    expect(operationTarget({ kind: 'unbind', device: 'pci/0000:01:00.0', driver: 'nouveau' }))
      .toEqual({ kind: 'write', path: '/sys/bus/pci/drivers/nouveau/unbind', data: '0000:01:00.0\n' });
    expect(operationTarget({ kind: 'bind', device: 'auxiliary/mlx5_core.sf.2', driver: 'mlx5_core.sf' }))
      .toEqual({ kind: 'write', path: '/sys/bus/auxiliary/drivers/mlx5_core.sf/bind', data: 'mlx5_core.sf.2\n' });
    expect(operationTarget({ kind: 'probe', device: 'pci/10000:e1:00.0' }))
      .toEqual({ kind: 'write', path: '/sys/bus/pci/drivers_probe', data: '10000:e1:00.0\n' });
    expect(operationTarget({ kind: 'load-module', module: 'vfio_pci' })).toEqual({ kind: 'modprobe', module: 'vfio_pci' });
  });

  it.each<Operation>([
    { kind: 'probe', device: 'pci/../../etc/passwd' },
    { kind: 'probe', device: '../pci/0000:01:00.0' },
    { kind: 'probe', device: 'pci/0000:01:00.0\n0000:02:00.0' },
    { kind: 'probe', device: 'pci/..' },
    { kind: 'probe', device: 'pci' },
    { kind: 'bind', device: 'pci/0000:01:00.0', driver: '../../../../etc' },
    { kind: 'bind', device: 'pci/0000:01:00.0', driver: 'vfio-pci/../nouveau' },
    { kind: 'set-override', device: 'pci/0000:01:00.0', driver: 'vfio-pci\nnouveau' },
    { kind: 'set-override', device: 'pci/0000:01:00.0', driver: '' },
    { kind: 'load-module', module: 'vfio_pci; reboot' },
    { kind: 'load-module', module: '-r' },
  ])('refuses %j', (operation) => {
    expect(() => operationTarget(operation)).toThrow(/is not valid/);
  });
});
