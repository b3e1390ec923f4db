// The simulated filesystem with sysfs semantics: paths resolved through
// symlinks (`..` after a link goes up from its target, as the kernel's VFS
// does), reads and writes checked against the file's mode (EACCES), writes
// of missing files refused (EACCES inside an existing directory, ENOENT
// otherwise), writes cut at PAGE_SIZE and zero-length writes never reaching
// the store handler. Resolved directories are cached until the state changes.
import path from 'node:path';
import type { Errno, SimResult } from '../errno';
import { fail, ok } from '../errno';
import type { ViewContext } from './context';
import type { VDir, VNode } from './nodes';
import { rootDir } from './root';

const PAGE_SIZE = 4096;
const MAX_LINKS = 40;

interface Resolved {
  readonly node: VNode;
  /** The symlink-free absolute path of the node. */
  readonly real: string;
}

export interface Entry {
  readonly name: string;
  readonly kind: 'dir' | 'file' | 'link';
}

function components(p: string): string[] {
  return p.split('/').filter((part) => part !== '' && part !== '.');
}

const join = (dir: string, name: string): string => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/**
 * kernfs_get_target_path(): up from the link's directory to the nearest
 * ancestor of the target's parent, then down to the target by name. So a
 * link to an ancestor reads `../../../0000:00:02.0`, never a bare `..`.
 */
export function kernfsRelative(dir: string, target: string): string {
  const from = components(dir);
  const to = components(target);
  const parentDepth = to.length - 1;
  let common = 0;
  while (common < from.length && common < parentDepth && from[common] === to[common]) common += 1;
  return `${'../'.repeat(from.length - common)}${to.slice(common).join('/')}`;
}

export class SysfsView {
  private readonly root: VDir;
  private readonly dirs = new Map<string, Resolved>();

  constructor(ctx: ViewContext) {
    this.root = rootDir(ctx);
  }

  /** Forget cached directories: the kernel's state changed. */
  invalidate(): void {
    this.dirs.clear();
  }

  /** Resolves `p`; the last component's symlink is followed only when `followLast`. */
  resolve(p: string, followLast: boolean, depth = 0): Resolved | Errno {
    if (depth > MAX_LINKS) return 'ELOOP';
    const parts = components(p);
    if (parts.length === 0) return { node: this.root, real: '/' };
    const name = parts.pop() as string;
    const parent = this.resolveDir(`/${parts.join('/')}`, depth);
    if (typeof parent === 'string') return parent;
    if (name === '..') return this.resolveDir(path.posix.dirname(parent.real), depth);
    const dir = parent.node as VDir;
    const node = dir.lookup(name);
    if (!node) return 'ENOENT';
    if (node.kind === 'link' && followLast) return this.resolve(node.target, true, depth + 1);
    return { node, real: join(parent.real, name) };
  }

  /** A directory, following every link, cached by the path asked for. */
  private resolveDir(p: string, depth: number): Resolved | Errno {
    const cached = this.dirs.get(p);
    if (cached) return cached;
    const resolved = this.resolve(p, true, depth);
    if (typeof resolved === 'string') return resolved;
    if (resolved.node.kind !== 'dir') return 'ENOTDIR';
    this.dirs.set(p, resolved);
    return resolved;
  }

  read(p: string): SimResult<string | Uint8Array> {
    const resolved = this.resolve(p, true);
    if (typeof resolved === 'string') return fail(resolved);
    const { node } = resolved;
    if (node.kind === 'dir') return fail('EISDIR');
    if (node.kind !== 'file' || (node.mode & 0o444) === 0 || !node.show) return fail('EACCES');
    return ok(node.show());
  }

  /** One write(2) of `data` after open(O_WRONLY|O_CREAT|O_TRUNC). */
  write(p: string, data: string): SimResult {
    const parts = components(p);
    const name = parts.pop();
    if (name === undefined) return fail('EISDIR');
    const parent = this.resolveDir(`/${parts.join('/')}`, 0);
    if (typeof parent === 'string') return fail(parent);
    let node = (parent.node as VDir).lookup(name);
    // sysfs cannot create files.
    if (!node) return fail('EACCES');
    if (node.kind === 'link') {
      const target = this.resolve(node.target, true);
      if (typeof target === 'string') return fail(target);
      node = target.node;
    }
    if (node.kind === 'dir') return fail('EISDIR');
    if (node.kind !== 'file' || (node.mode & 0o222) === 0 || !node.store) return fail('EACCES');
    const bytes = Buffer.from(data, 'utf8');
    if (bytes.length === 0) return ok();
    const count = Math.min(bytes.length, PAGE_SIZE);
    const errno = node.store({ text: bytes.subarray(0, count).toString('utf8'), count });
    return errno === null ? ok() : fail(errno);
  }

  /** The link's target as stored: relative to the link's own directory. */
  readLink(p: string): SimResult<string> {
    const resolved = this.resolve(p, false);
    if (typeof resolved === 'string') return fail(resolved);
    if (resolved.node.kind !== 'link') return fail('EINVAL');
    return ok(kernfsRelative(path.posix.dirname(resolved.real), resolved.node.target));
  }

  realPath(p: string): SimResult<string> {
    const resolved = this.resolve(p, true);
    return typeof resolved === 'string' ? fail(resolved) : ok(resolved.real);
  }

  list(p: string): SimResult<Entry[]> {
    const resolved = this.resolve(p, true);
    if (typeof resolved === 'string') return fail(resolved);
    if (resolved.node.kind !== 'dir') return fail('ENOTDIR');
    return ok([...resolved.node.entries()].map(([name, node]) => ({ name, kind: node.kind })));
  }

  /** What a node is: a final symlink is followed only with `follow` (stat versus lstat). */
  kindOf(p: string, follow: boolean): SimResult<VNode['kind']> {
    const resolved = this.resolve(p, follow);
    return typeof resolved === 'string' ? fail(resolved) : ok(resolved.node.kind);
  }

  /** Mode bits of a file (0755 for directories). */
  modeOf(p: string): number {
    const resolved = this.resolve(p, false);
    if (typeof resolved === 'string') return 0;
    return resolved.node.kind === 'file' ? resolved.node.mode : 0o755;
  }
}
