// The live machine's SystemFacts. Each fact is read on its own; one that
// cannot be read is null (unknown), so a check warns instead of passing.
import fs from 'node:fs';
import path from 'node:path';
import type { SystemFacts } from '../system-facts';
import { blacklisted, installedModules } from './modprobe-config';
import { parseMounts } from './mounts';
import { defaultRouteInterfaces } from './routes';

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** A DRM card drives a display when one of its connectors is connected and enabled. */
function activeDisplays(root: string): string[] | null {
  const drm = path.join(root, 'sys/class/drm');
  if (!fs.existsSync(drm)) return null;
  const cards = new Set<string>();
  for (const connector of list(drm)) {
    const card = /^(card\d+)-/.exec(connector)?.[1];
    if (!card) continue;
    const status = readText(path.join(drm, connector, 'status'))?.trim();
    const enabled = readText(path.join(drm, connector, 'enabled'))?.trim();
    if (status === 'connected' && enabled === 'enabled') cards.add(card);
  }
  return [...cards].sort();
}

/** Groups whose /dev/vfio/N some process holds; only root can see every process's files. */
function vfioGroupsInUse(root: string, isRoot: boolean): number[] | null {
  if (!isRoot) return null;
  const groups = new Set<number>();
  for (const pid of list(path.join(root, 'proc')).filter((entry) => /^\d+$/.test(entry))) {
    const fdDir = path.join(root, 'proc', pid, 'fd');
    for (const fd of list(fdDir)) {
      let target: string;
      try {
        target = fs.readlinkSync(path.join(fdDir, fd));
      } catch {
        continue;
      }
      const group = /^\/dev\/vfio\/(\d+)$/.exec(target)?.[1];
      if (group) groups.add(Number(group));
    }
  }
  return [...groups].sort((a, b) => a - b);
}

const MODPROBE_DIRS = ['etc/modprobe.d', 'run/modprobe.d', 'usr/local/lib/modprobe.d', 'usr/lib/modprobe.d', 'lib/modprobe.d'];

export function readLinuxFacts(root: string, kernelRelease: string | null, isRoot: boolean): SystemFacts {
  const mounts = readText(path.join(root, 'proc/self/mounts'));
  const ipv4 = readText(path.join(root, 'proc/net/route'));
  const ipv6 = readText(path.join(root, 'proc/net/ipv6_route'));
  const configs = MODPROBE_DIRS.flatMap((dir) =>
    list(path.join(root, dir)).filter((file) => file.endsWith('.conf')).map((file) => readText(path.join(root, dir, file)) ?? ''),
  );
  const modulesDep = kernelRelease === null
    ? null
    : (readText(path.join(root, 'lib/modules', kernelRelease, 'modules.dep'))
      ?? readText(path.join(root, 'usr/lib/modules', kernelRelease, 'modules.dep')));
  return {
    mounts: mounts === null ? null : parseMounts(mounts),
    defaultRouteInterfaces: ipv4 === null && ipv6 === null ? null : defaultRouteInterfaces(ipv4, ipv6),
    activeDisplays: activeDisplays(root),
    vfioGroupsInUse: vfioGroupsInUse(root, isRoot),
    blacklistedModules: blacklisted(configs),
    availableModules: modulesDep === null ? null : installedModules(modulesDep),
  };
}
