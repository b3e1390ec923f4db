// driverctl's overrides are shown, and imported one persist request each,
// with the card's IDs read from sysfs so the kept entry names exactly it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDriverctlOverrides, readDriverctlOverrides } from '../../../../../src-main/engine/persist/driverctl';
import { readPersisted } from '../../../../../src-main/engine/persist/persisted-file';
import { makeFakeRoot, testContext } from '../ops/support/fake-root';
import type { FakeRoot } from '../ops/support/fake-root';

let fake: FakeRoot;
beforeEach(() => {
  fake = makeFakeRoot();
  const dir = path.join(fake.root, 'etc/driverctl.d');
  fs.mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'pci-0000:01:00.0': 'vfio-pci\n',
    'pci-0000:09:00.0': 'vfio-pci\n',
    'usb-1-1:1.0': 'usbhid\n',
    'fsl-mc-dprc.1': 'vfio-fsl-mc\n',
    'pci-0000:02:00.0': 'vfio-pci\nnouveau\n',
    README: 'notes\n',
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
});
afterEach(() => fake.remove());

describe('driverctl overrides', () => {
  it('lists the overrides it understands and says which files it does not', () => {
    expect(readDriverctlOverrides(fake.root)).toEqual({
      overrides: [
        { device: 'fsl-mc/dprc.1', driver: 'vfio-fsl-mc' },
        { device: 'pci/0000:01:00.0', driver: 'vfio-pci' },
        { device: 'pci/0000:09:00.0', driver: 'vfio-pci' },
        { device: 'usb/1-1:1.0', driver: 'usbhid' },
      ],
      problems: [
        '/etc/driverctl.d/README is not a driverctl override Bindery understands.',
        '/etc/driverctl.d/pci-0000:02:00.0 is not a driverctl override Bindery understands.',
      ],
    });
    expect(readDriverctlOverrides(fake.outside)).toEqual({ overrides: [], problems: [] });
  });

  it('imports the PCI overrides of devices that are here through the persist verb', async () => {
    const imports = await importDriverctlOverrides(fake.root, { kind: 'in-process', context: testContext(fake.root) });
    expect(imports.map((i) => ('answer' in i ? [i.override.device, i.answer.status] : [i.override.device, i.skipped]))).toEqual([
      ['fsl-mc/dprc.1', 'Bindery keeps PCI devices only.'],
      ['pci/0000:01:00.0', 'done'],
      ['pci/0000:09:00.0', 'There is no device pci/0000:09:00.0 now, so its IDs are unknown.'],
      ['usb/1-1:1.0', 'Bindery keeps PCI devices only.'],
    ]);
    expect(readPersisted(fake.root)).toEqual({
      ok: true,
      value: { version: 1, devices: [{ device: '0000:01:00.0', driver: 'vfio-pci', ids: { vendor: '0x10de', device: '0x1f08', subsystemVendor: '0x1462', subsystemDevice: '0x3754' } }] },
    });
  });
});
