// From a mount source (`/dev/nvme0n1p2`, `/dev/mapper/vg-root`) to every
// block device it rests on: itself, the disk a partition is on, and what a
// device-mapper or md device is built from (its `slaves`), at any depth.
// Read through the host's sysfs, so LVM and LUKS roots are followed too.
import path from 'node:path';
import type { PlanContext } from './context';

function list(ctx: PlanContext, dir: string): string[] {
  try {
    return ctx.source.list(dir).map((entry) => entry.name);
  } catch {
    return [];
  }
}

function read(ctx: PlanContext, file: string): string | null {
  try {
    return ctx.source.readAttribute(file).trim();
  } catch {
    return null;
  }
}

function blockDir(ctx: PlanContext, name: string): string {
  return path.join(ctx.root, 'sys', 'class', 'block', name);
}

/** `/dev/mapper/NAME` is the dm device whose `dm/name` is NAME. */
function mapperDevice(ctx: PlanContext, mapped: string): string | null {
  return list(ctx, path.join(ctx.root, 'sys', 'class', 'block'))
    .find((name) => name.startsWith('dm-') && read(ctx, path.join(blockDir(ctx, name), 'dm', 'name')) === mapped) ?? null;
}

/** The whole disk of a partition: from sysfs (its parent directory), else by the kernel's naming. */
function diskOf(ctx: PlanContext, name: string): string | null {
  try {
    const target = ctx.source.readLink(blockDir(ctx, name)).split('/');
    const parent = target[target.length - 2];
    if (parent !== undefined && read(ctx, path.join(blockDir(ctx, name), 'partition')) !== null) return parent;
  } catch {
    // Not in sysfs (or a captured tree without class links): fall back on the names.
  }
  return /^(.+\d)p\d+$/.exec(name)?.[1] ?? /^((?:sd|vd|xvd|hd)[a-z]+)\d+$/.exec(name)?.[1] ?? null;
}

export function blockDevicesOf(ctx: PlanContext, source: string): string[] {
  if (!source.startsWith('/dev/')) return [];
  let first = source.slice('/dev/'.length);
  if (first.startsWith('mapper/')) first = mapperDevice(ctx, first.slice('mapper/'.length)) ?? first;
  if (first.includes('/')) return [];
  const found = new Set<string>();
  const pending = [first];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (found.has(name)) continue;
    found.add(name);
    const disk = diskOf(ctx, name);
    if (disk !== null) pending.push(disk);
    pending.push(...list(ctx, path.join(blockDir(ctx, name), 'slaves')));
  }
  return [...found];
}
