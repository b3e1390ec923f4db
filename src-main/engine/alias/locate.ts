// Where a host's modules.alias lives: an explicit file wins; otherwise the
// kernel's module directory under the root, in the two places distributions
// put it. A captured tree usually has no kernel release recorded, so a single
// kernel directory in it is taken as the one.
import fs from 'node:fs';
import path from 'node:path';

export type AliasLocation =
  | { readonly found: true; readonly path: string; readonly kernelRelease: string | null }
  | { readonly found: false; readonly path: string | null; readonly kernelRelease: string | null; readonly message: string };

export interface LocateOptions {
  readonly root: string;
  readonly kernelRelease: string | null;
  readonly modulesAliasFile?: string | null;
}

const MODULE_DIRS = ['lib/modules', 'usr/lib/modules'];

export function locateModulesAlias(options: LocateOptions): AliasLocation {
  const { root } = options;
  if (options.modulesAliasFile) {
    const file = options.modulesAliasFile;
    if (fs.existsSync(file)) return { found: true, path: file, kernelRelease: options.kernelRelease };
    return {
      found: false, path: file, kernelRelease: options.kernelRelease,
      message: `The modules.alias file given with --modules-alias, ${file}, does not exist. Check the path.`,
    };
  }
  const release = options.kernelRelease ?? (root === '/' ? null : onlyKernelDirectory(root));
  if (release === null) return noRelease(root);
  const candidates = MODULE_DIRS.map((dir) => path.join(root, dir, release, 'modules.alias'));
  const existing = candidates.find((file) => fs.existsSync(file));
  if (existing) return { found: true, path: existing, kernelRelease: release };
  const place = root === '/' ? 'this machine' : root;
  const remedy = root === '/'
    ? `Install the modules of kernel ${release} (on Debian and Ubuntu the linux-image-${release} package; `
      + `if it is installed, run depmod ${release} as root), or pass --modules-alias FILE. A kernel built without `
      + 'module support has no modules.alias at all.'
    : `Copy lib/modules/${release}/modules.alias from that machine into the tree, or pass --modules-alias FILE.`;
  return {
    found: false, path: candidates[0] ?? null, kernelRelease: release,
    message: `No modules.alias for kernel ${release} on ${place}: looked for ${candidates.join(' and ')}. ${remedy}`,
  };
}

/** The release named by the only directory in <root>/lib/modules, if there is exactly one. */
function onlyKernelDirectory(root: string): string | null {
  try {
    const dirs = fs.readdirSync(path.join(root, 'lib', 'modules'), { withFileTypes: true }).filter((d) => d.isDirectory());
    return dirs.length === 1 ? (dirs[0]?.name ?? null) : null;
  } catch {
    return null;
  }
}

function noRelease(root: string): AliasLocation {
  if (root === '/') {
    return {
      found: false, path: null, kernelRelease: null,
      message: "The running kernel's release is unknown, so its modules.alias cannot be found. Pass --modules-alias FILE.",
    };
  }
  const dir = path.join(root, 'lib', 'modules');
  let what: string;
  try {
    const dirs = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    what = dirs.length === 0 ? `${dir} has no kernel directories` : `${dir} has several kernels (${dirs.join(', ')})`;
  } catch {
    what = `${dir} does not exist`;
  }
  return {
    found: false, path: null, kernelRelease: null,
    message: `Cannot tell which modules.alias belongs to the tree at ${root}: ${what}. Pass --modules-alias FILE.`,
  };
}
