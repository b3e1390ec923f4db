// The reader's SysfsSource over the simulated tree, so scanSysfs() reads a
// simulated host with exactly the code that reads a real one. Failures are
// thrown as errors with an errno `code`, as Node's fs does.
import type { SourceEntry, SysfsSource } from '../../sysfs/sysfs-source';
import type { SimResult } from '../errno';
import type { SysfsView } from './view';

function failure(code: string, syscall: string, p: string): Error {
  return Object.assign(new Error(`${code}: simulated ${syscall} '${p}'`), { code, syscall, path: p });
}

function unwrap<T>(result: SimResult<T>, syscall: string, p: string): T {
  if (!result.ok) throw failure(result.errno, syscall, p);
  return result.value;
}

/** `readAttribute` refuses a symlink in the attribute's place, as O_NOFOLLOW does. */
function noFollow(view: SysfsView, p: string): void {
  const kind = unwrap(view.kindOf(p, false), 'open', p);
  if (kind === 'link') throw failure('ELOOP', 'open', p);
}

export function sysfsSource(view: SysfsView): SysfsSource {
  return {
    readAttribute(p) {
      noFollow(view, p);
      const content = unwrap(view.read(p), 'read', p);
      return typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
    },
    readBytes(p, count) {
      noFollow(view, p);
      const content = unwrap(view.read(p), 'read', p);
      const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
      return bytes.subarray(0, count);
    },
    readLink: (p) => unwrap(view.readLink(p), 'readlink', p),
    realPath: (p) => unwrap(view.realPath(p), 'realpath', p),
    list: (p): readonly SourceEntry[] => unwrap(view.list(p), 'scandir', p),
    isDirectory: (p) => unwrap(view.kindOf(p, true), 'stat', p) === 'dir',
  };
}
