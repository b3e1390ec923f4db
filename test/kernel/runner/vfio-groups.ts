// `vfio open GROUP` / `vfio close GROUP` on the real kernel: what QEMU does
// with a group. Node opens the container and the group; the static helper
// (guest/vfio-attach.c), given both as fds 3 and 4, makes the one ioctl Node
// cannot (VFIO_GROUP_SET_CONTAINER), and the attachment lives on in this
// process's open files until the step closes them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { errnoName, errnoOfError } from './errno-names';

interface Held {
  readonly container: number;
  readonly group: number;
}

export class VfioGroups {
  private readonly held = new Map<number, Held>();

  constructor(private readonly helper: string) {}

  open(group: number): string {
    let container: number;
    try {
      container = fs.openSync('/dev/vfio/vfio', 'r+');
    } catch (error) {
      return `err ${errnoOfError(error)}`;
    }
    let fd: number;
    try {
      fd = fs.openSync(`/dev/vfio/${group}`, 'r+');
    } catch (error) {
      fs.closeSync(container);
      return `err ${errnoOfError(error)}`;
    }
    const attach = spawnSync(this.helper, [], { stdio: ['ignore', 'ignore', 'inherit', container, fd] });
    if (attach.status !== 0) {
      fs.closeSync(fd);
      fs.closeSync(container);
      return `err ${attach.status === null ? 'EIO' : errnoName(attach.status)}`;
    }
    this.held.set(group, { container, group: fd });
    return 'ok';
  }

  close(group: number): string {
    const held = this.held.get(group);
    if (held === undefined) return 'err EBADF';
    this.held.delete(group);
    // The group first: releasing it gives up the DMA ownership the container claimed.
    fs.closeSync(held.group);
    fs.closeSync(held.container);
    return 'ok';
  }
}
