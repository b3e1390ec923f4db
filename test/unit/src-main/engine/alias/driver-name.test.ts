// Module to driver name: the running kernel's word first, then known names, then a guess.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleDriver, sameDriverName } from '../../../../../src-main/engine/alias/driver-name';
import { writeSysModules } from './support/sysfs-modules';

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-driver-name-'));
  writeSysModules(root, {
    vfio_pci: ['pci:vfio-pci'],
    xhci_pci: ['pci:xhci_hcd'],
    mlx5_core: ['pci:mlx5_core', 'auxiliary:mlx5_core.eth', 'auxiliary:mlx5_core.rdma'],
    i2c_hid_of: ['i2c:i2c_hid_of'],
    pci_stub: [],
  });
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('moduleDriver', () => {
  it('reads the driver name of a loaded module from /sys/module/<m>/drivers', () => {
    expect(moduleDriver(root, 'vfio_pci', 'pci', null)).toEqual({ driver: 'vfio-pci', source: 'sysfs', loaded: true });
    expect(moduleDriver(root, 'xhci_pci', 'pci', null)).toEqual({ driver: 'xhci_hcd', source: 'sysfs', loaded: true });
  });

  it('picks the driver on the device\'s bus, and among several the one the alias names', () => {
    expect(moduleDriver(root, 'mlx5_core', 'pci', null).driver).toBe('mlx5_core');
    expect(moduleDriver(root, 'mlx5_core', 'auxiliary', 'mlx5_core.rdma').driver).toBe('mlx5_core.rdma');
  });

  it('takes a module\'s only driver when it sits on another bus than guessed', () => {
    expect(moduleDriver(root, 'i2c_hid_of', 'platform', null)).toEqual({ driver: 'i2c_hid_of', source: 'sysfs', loaded: true });
  });

  it('uses the known table for modules that are not loaded or list no drivers', () => {
    expect(moduleDriver(root, 'pci_stub', 'pci', null)).toEqual({ driver: 'pci-stub', source: 'known', loaded: true });
    expect(moduleDriver(root, 'virtio_pci', 'pci', null)).toEqual({ driver: 'virtio-pci', source: 'known', loaded: false });
    expect(moduleDriver(root, 'snd_hda_intel', 'pci', null)).toEqual({ driver: 'snd_hda_intel', source: 'known', loaded: false });
  });

  it('falls back to the module name', () => {
    expect(moduleDriver(root, 'i40e', 'pci', null)).toEqual({ driver: 'i40e', source: 'module-name', loaded: false });
  });

  it('never looks outside /sys/module for a strange module name', () => {
    expect(moduleDriver(root, '../module/vfio_pci', 'pci', null)).toEqual({
      driver: '../module/vfio_pci', source: 'module-name', loaded: false,
    });
  });
});

describe('sameDriverName', () => {
  it('folds - and _', () => {
    expect(sameDriverName('vfio-pci', 'vfio_pci')).toBe(true);
    expect(sameDriverName('vfio-pci', 'vfio-pci-core')).toBe(false);
  });
});
