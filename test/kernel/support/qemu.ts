// The test VM's hardware, after shared/docs/kernel-vm/run-qemu.sh with IGB=1:
// the machine data/scenarios/qemu-q35.json simulates, device for device and
// address for address. QEMU 10 under TCG (no KVM here), qboot instead of
// SeaBIOS (SeaBIOS costs half a minute of firmware under QEMU 10).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Prepared } from './prepare';

export interface Boot {
  /** The base initramfs with the job appended. */
  readonly initrd: string;
  /** A folder of this VM's own: disk image, console log, results, empty 9p exports. */
  readonly dir: string;
  readonly cpus: number;
  readonly timeoutMs: number;
}

function deviceArgs(dir: string): string[] {
  const empty = path.join(dir, 'export');
  fs.mkdirSync(empty, { recursive: true });
  const disk = path.join(dir, 'nvm0.img');
  fs.closeSync(fs.openSync(disk, 'w'));
  fs.truncateSync(disk, 64 << 20);
  const nic = (id: string, device: string, where: string): string[] =>
    ['-netdev', `user,id=${id},restrict=on`, '-device', `${device},netdev=${id},romfile=,${where}`];
  return [
    '-device', 'intel-iommu,intremap=on',
    ...nic('n0', 'e1000e', 'addr=02.0'),
    ...nic('n1', 'virtio-net-pci', 'addr=03.0'),
    '-drive', `file=${disk},if=none,id=nvm0,format=raw`,
    '-device', 'nvme-subsys,id=subsys0',
    '-device', 'nvme,id=nvme0,serial=deadbeef,subsys=subsys0,sriov_max_vfs=2,sriov_vq_flexible=4,sriov_vi_flexible=2,addr=04.0',
    '-device', 'nvme-ns,drive=nvm0,bus=nvme0,nsid=1',
    // The two 9p devices of the recipe stay (they are in the scenario), exporting an empty folder the guest never mounts.
    '-fsdev', `local,id=fs0,path=${empty},security_model=none,readonly=on`, '-device', 'virtio-9p-pci,fsdev=fs0,mount_tag=host0,addr=05.0',
    ...nic('n2', 'igb', 'addr=06.0'),
    '-fsdev', `local,id=fs1,path=${empty},security_model=none,readonly=on`, '-device', 'virtio-9p-pci,fsdev=fs1,mount_tag=hostusr,addr=07.0',
    '-device', 'secondary-vga,addr=08.0,multifunction=on,romfile=',
    '-device', 'intel-hda,addr=08.1',
    '-device', 'pci-bridge,id=br0,chassis_nr=1,addr=09.0',
    ...nic('n3', 'e1000', 'bus=br0,addr=01.0'),
    ...nic('n4', 'e1000', 'bus=br0,addr=02.0'),
  ];
}

export function qemuArgs(prepared: Prepared, boot: Boot): string[] {
  return [
    '-machine', 'q35,accel=tcg', '-cpu', 'max', '-smp', String(boot.cpus), '-m', '1024',
    '-display', 'none', '-monitor', 'none', '-no-reboot', '-nic', 'none',
    '-L', prepared.qemuData, '-bios', 'qboot.rom',
    '-kernel', prepared.kernel, '-initrd', boot.initrd,
    '-append', 'console=ttyS0 intel_iommu=on iommu=pt panic=-1 quiet',
    // ttyS0: the console; ttyS1: the guest program's reports.
    '-serial', `file:${path.join(boot.dir, 'console.log')}`,
    '-serial', `file:${path.join(boot.dir, 'reports.jsonl')}`,
    ...deviceArgs(boot.dir),
  ];
}

/** Boots the VM and resolves when it powers off; rejects on a timeout or a QEMU failure. */
export function runQemu(prepared: Prepared, boot: Boot): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(prepared.qemu, qemuArgs(prepared, boot), {
      env: { ...process.env, QEMU_MODULE_DIR: prepared.qemuModules },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the VM did not power off within ${boot.timeoutMs / 1000} s (console: ${path.join(boot.dir, 'console.log')})`));
    }, boot.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`QEMU exited with ${code}: ${stderr.trim()}`));
    });
  });
}
