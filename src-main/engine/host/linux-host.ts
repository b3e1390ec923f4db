// The machine itself, or a captured sysfs tree: read through the same reader.
import os from 'node:os';
import path from 'node:path';
import type { HostInfo, Snapshot } from '../../../src-shared/model';
import type { IdDatabase } from '../ids/id-database';
import { scanSysfs } from '../sysfs/scan';
import { filesystemSource } from '../sysfs/sysfs-source';
import type { Host } from './host';
import { readLinuxFacts } from './linux-facts/read-facts';
import { UNKNOWN_FACTS } from './system-facts';
import type { SystemFacts } from './system-facts';

export interface LinuxHostOptions {
  /** Directory containing `sys/`; `/` is the live machine. */
  readonly root: string;
  readonly ids: IdDatabase;
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

  constructor(options: LinuxHostOptions) {
    this.info = describeLinuxHost(options.root);
    this.ids = options.ids;
  }

  /** A captured tree says nothing about the machine it came from. */
  async facts(): Promise<SystemFacts> {
    if (this.info.readOnly) return UNKNOWN_FACTS;
    return readLinuxFacts('/', this.info.kernelRelease, process.getuid?.() === 0);
  }

  async scan(): Promise<Snapshot> {
    return scanSysfs({ root: this.info.root, host: this.info, ids: this.ids });
  }
}
