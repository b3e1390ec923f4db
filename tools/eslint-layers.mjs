// The import rules of DESIGN.md as an ESLint rule, after VS Code's
// code-layering: every source file belongs to exactly one layer, each layer
// names what it may import, and a source file that matches no layer is an error.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

/**
 * Layers, most specific first. `layers`: project layers it may import;
 * `node`: Node built-ins allowed; `packages`: npm packages allowed
 * ('*' = any, except those in `denyPackages`).
 */
export const LAYERS = [
  { name: 'shared', dir: 'src-shared/', layers: ['shared'], node: false, packages: ['zod'] },
  { name: 'preload', file: 'src-main/app/preload.ts', layers: ['shared'], node: false, packages: ['electron'] },
  { name: 'app', dir: 'src-main/app/', layers: ['shared', 'engine', 'app'], node: true, packages: ['electron', 'zod'] },
  { name: 'bridge', dir: 'src-main/bridge/', layers: ['shared', 'engine', 'bridge'], node: true, packages: ['ws', 'zod'] },
  { name: 'cli', dir: 'src-main/cli/', layers: ['shared', 'engine', 'cli'], node: true, packages: ['zod'] },
  { name: 'helper', dir: 'src-main/helper/', layers: ['shared', 'engine', 'helper'], node: true, packages: ['zod'] },
  { name: 'bench', dir: 'src-main/bench/', layers: ['shared', 'engine', 'bench'], node: true, packages: [] },
  {
    name: 'engine', dir: 'src-main/engine/', layers: ['shared', 'engine'], node: true, packages: ['*'],
    denyPackages: ['electron', 'react', 'react-dom', 'ws', 'vite', 'playwright-core'],
  },
  {
    name: 'renderer', dir: 'src-renderer/', layers: ['shared', 'renderer'], node: false,
    packages: ['react', 'react-dom', '@tanstack/react-virtual'],
  },
];

/** Only these files may name these Electron exports. */
const ELECTRON_EXPORT_OWNERS = {
  ipcMain: 'src-main/app/ipc.ts',
  ipcRenderer: 'src-main/app/preload.ts',
  contextBridge: 'src-main/app/preload.ts',
};

const SOURCE_ROOTS = ['src-shared/', 'src-main/', 'src-renderer/'];

export function layerOf(relPath) {
  for (const layer of LAYERS) {
    if (layer.file ? relPath === layer.file : relPath.startsWith(layer.dir)) return layer;
  }
  return null;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why `specifier` may not be imported from a file of `layer`, or null when it may. */
export function violation(layer, relPath, specifier) {
  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(relPath), specifier));
    const targetLayer = layerOf(target) ?? layerOf(`${target}.ts`) ?? layerOf(`${target}/`);
    if (!targetLayer) {
      return SOURCE_ROOTS.some((root) => target.startsWith(root))
        ? `'${specifier}' resolves to ${target}, which belongs to no layer`
        : `'${specifier}' reaches outside the source folders (${target})`;
    }
    if (!layer.layers.includes(targetLayer.name)) {
      return `the ${layer.name} layer may not import the ${targetLayer.name} layer ('${specifier}')`;
    }
    return null;
  }
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(bare)) {
    return layer.node ? null : `the ${layer.name} layer may not use Node's '${bare}'`;
  }
  const pkg = packageName(specifier);
  if (layer.denyPackages?.includes(pkg)) return `the ${layer.name} layer may not import '${pkg}'`;
  if (layer.packages.includes('*') || layer.packages.includes(pkg)) return null;
  return `the ${layer.name} layer may not import '${pkg}'`;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import rules between Bindery layers (DESIGN.md)' },
    schema: [],
    messages: {
      noLayer: 'This file belongs to no layer of DESIGN.md; move it into one or add a layer in tools/eslint-layers.mjs.',
      forbidden: '{{why}}.',
      electronExport: "Only {{owner}} may use Electron's {{name}}.",
    },
  },
  create(context) {
    const relPath = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (!SOURCE_ROOTS.some((root) => relPath.startsWith(root))) return {};
    const layer = layerOf(relPath);
    if (!layer) {
      return { Program(node) { context.report({ node, messageId: 'noLayer' }); } };
    }
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const why = violation(layer, relPath, source.value);
      if (why) context.report({ node: source, messageId: 'forbidden', data: { why } });
    };
    return {
      ImportDeclaration(node) {
        check(node, node.source);
        if (node.source.value !== 'electron') return;
        for (const spec of node.specifiers) {
          const name = spec.type === 'ImportSpecifier' ? spec.imported.name : null;
          const owner = name ? ELECTRON_EXPORT_OWNERS[name] : undefined;
          if (owner && owner !== relPath) {
            context.report({ node: spec, messageId: 'electronExport', data: { owner, name } });
          }
        }
      },
      ExportNamedDeclaration(node) { check(node, node.source); },
      ExportAllDeclaration(node) { check(node, node.source); },
      ImportExpression(node) { check(node, node.source); },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
