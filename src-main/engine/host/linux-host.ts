// The machine itself, or a captured sysfs tree: read through the same reader.
import os from 'node:os';
import path from 'node:path';
import type { HostInfo, Snapshot } from '../../../src-shared/model';
import type { Operation } from '../../../src-shared/plan';
import type { IdDatabase } from '../ids/id-database';
import { defaultChangeRoute, operationResultOf, requestChange } from '../ops/privileged/change-route';
import type { ChangeRoute } from '../ops/privileged/change-route';
import { scanSysfs } from '../sysfs/scan';
import { filesystemSource } from '../sysfs/sysfs-source';
import type { Host, OperationResult } from './host';
import type { HostPersistence } from './host-persistence';
import { linuxPersistence } from '../persist/linux-persistence';
import { readLinuxFacts } from './linux-facts/read-facts';
import { UNKNOWN_FACTS } from './system-facts';
import type { SystemFacts } from './system-facts';

export interface LinuxHostOptions {
  /** Directory containing `sys/`; `/` is the live machine. */
  readonly root: string;
  readonly ids: IdDatabase;
  /** How changes reach the kernel; by default in process as root, else through pkexec and the helper. */
  readonly changes?: ChangeRoute;
}

export function describeLinuxHost(root: string): HostInfo {
  const absolute = path.resolve(root);
  if (absolute === '/') {
    return {
      id: 'local',
      kind: 'linux',
      label: `This computer (${os.hostname()})`,
      root: '/',
      kernelRelease: os.release(),
      readOnly: false,
    };
  }
  return {
    id: `tree:${absolute}`,
    kind: 'linux',
    // The UI marks it as a captured tree and shows the full path on hover.
    label: path.basename(absolute),
    root: absolute,
    kernelRelease: null,
    readOnly: true,
  };
}

export class LinuxHost implements Host {
  readonly info: HostInfo;
  readonly source = filesystemSource;
  private readonly ids: IdDatabase;
  private readonly changes: ChangeRoute | undefined;
  /** A captured tree keeps nothing across reboots: it has none. */
  readonly persistence: HostPersistence | undefined;

  constructor(options: LinuxHostOptions) {
    this.info = describeLinuxHost(options.root);
    this.ids = options.ids;
    this.changes = options.changes;
    this.persistence = this.info.readOnly ? undefined : linuxPersistence(options.changes ?? defaultChangeRoute());
  }

  /** A captured tree says nothing about the machine it came from. */
  async facts(): Promise<SystemFacts> {
    if (this.info.readOnly) return UNKNOWN_FACTS;
    return readLinuxFacts('/', this.info.kernelRelease, process.getuid?.() === 0);
  }

  async scan(): Promise<Snapshot> {
    return scanSysfs({ root: this.info.root, host: this.info, ids: this.ids });
  }

  async perform(operation: Operation): Promise<OperationResult> {
    if (this.info.readOnly) {
      return { ok: false, errno: 'EROFS', message: `${this.info.root} is a captured sysfs tree: Bindery reads it and never changes it.` };
    }
    const answer = await requestChange(this.changes ?? defaultChangeRoute(), { verb: 'apply', operations: [operation] });
    return operationResultOf(answer);
  }
}
