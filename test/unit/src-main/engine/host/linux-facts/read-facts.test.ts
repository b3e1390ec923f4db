// Facts of a live machine, read from a fake root with the files Linux has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLinuxFacts } from '../../../../../../src-main/engine/host/linux-facts/read-facts';

function fakeRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-facts-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('readLinuxFacts', () => {
  it('reads mounts, default routes, displays, blacklists and installed modules', () => {
    const root = fakeRoot({
      'proc/self/mounts': '/dev/nvme0n1p2 / ext4 rw 0 0\n/dev/nvme0n1p1 /boot/efi vfat rw 0 0\n/dev/sda1 /mnt/my\\040disk ext4 rw 0 0\n',
      'proc/net/route': 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\nenp6s0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\nenp6s0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\n',
      'proc/net/ipv6_route': '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 wlp2s0\n00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200 lo\n',
      'sys/class/drm/card1-DP-1/status': 'connected\n',
      'sys/class/drm/card1-DP-1/enabled': 'enabled\n',
      'sys/class/drm/card0-HDMI-A-1/status': 'disconnected\n',
      'sys/class/drm/card0-HDMI-A-1/enabled': 'disabled\n',
      'etc/modprobe.d/nouveau.conf': '# keep the GPU free for the VM\nblacklist nouveau\noptions vfio-pci ids=10de:2684\n',
      'lib/modules/6.12.0/modules.dep': 'kernel/drivers/vfio/pci/vfio-pci.ko.xz: kernel/drivers/vfio/vfio.ko.xz\nkernel/drivers/net/ethernet/intel/igc/igc.ko:\n',
    });
    expect(readLinuxFacts(root, '6.12.0', false)).toEqual({
      mounts: [
        { source: '/dev/nvme0n1p2', target: '/', fstype: 'ext4' },
        { source: '/dev/nvme0n1p1', target: '/boot/efi', fstype: 'vfat' },
        { source: '/dev/sda1', target: '/mnt/my disk', fstype: 'ext4' },
      ],
      defaultRouteInterfaces: ['enp6s0', 'wlp2s0'],
      activeDisplays: ['card1'],
      vfioGroupsInUse: null,
      blacklistedModules: ['nouveau'],
      availableModules: ['igc', 'vfio_pci'],
    });
  });

  it('sees which VFIO groups processes hold open, when it may look (root)', () => {
    const root = fakeRoot({ 'proc/4242/comm': 'qemu-system-x86\n' });
    fs.mkdirSync(path.join(root, 'proc/4242/fd'));
    fs.symlinkSync('/dev/vfio/15', path.join(root, 'proc/4242/fd/23'));
    fs.symlinkSync('/dev/vfio/vfio', path.join(root, 'proc/4242/fd/22'));
    expect(readLinuxFacts(root, null, true).vfioGroupsInUse).toEqual([15]);
  });

  it('says "unknown" for what it cannot read', () => {
    const facts = readLinuxFacts(fakeRoot({}), null, false);
    expect(facts).toMatchObject({ mounts: null, defaultRouteInterfaces: null, activeDisplays: null, availableModules: null });
  });
});
