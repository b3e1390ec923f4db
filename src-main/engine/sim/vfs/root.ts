// The top of the view: / with sys/ and dev/ (device nodes, for `exists` and
// `ls`; they cannot be read or written here).
import { busRoot } from './bus-dirs';
import { classRoot } from './class-dirs';
import type { ViewContext } from './context';
import { devicesRoot } from './device-dir';
import { kernelDir } from './kernel-dirs';
import { moduleRoot } from './module-dirs';
import type { VDir, VNode } from './nodes';
import { mapDir } from './nodes';

const DEVICE_NODE: VNode = { kind: 'file', mode: 0o600, show: undefined, store: undefined };

/** /dev and its subdirectories, from the device nodes' names. */
function devDir(ctx: ViewContext, prefix: string): VDir {
  const children = (): Map<string, VNode> => {
    const found = new Map<string, VNode>();
    for (const name of ctx.k.devnodes().keys()) {
      if (!name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) found.set(rest, DEVICE_NODE);
      else found.set(rest.slice(0, slash), devDir(ctx, `${prefix}${rest.slice(0, slash)}/`));
    }
    return found;
  };
  return { kind: 'dir', lookup: (name) => children().get(name) ?? null, entries: () => children() };
}

export function rootDir(ctx: ViewContext): VDir {
  const sys = mapDir(() => [
    ['bus', busRoot(ctx)],
    ['class', classRoot(ctx)],
    ['devices', devicesRoot(ctx)],
    ['kernel', kernelDir(ctx)],
    ['module', moduleRoot(ctx)],
  ]);
  return mapDir(() => [['sys', sys], ['dev', devDir(ctx, '')]]);
}
