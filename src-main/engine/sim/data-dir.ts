// The simulator's runtime data (scenarios, modules.alias copies) ships in
// <repo>/data. It is found by walking up from this file to the directory
// whose package.json names `bindery`: that works from the sources (vitest),
// from the esbuild bundles in dist/, and from a packaged app.
import fs from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

function isBindery(dir: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'bindery';
  } catch {
    return false;
  }
}

/** `<bindery>/data`; throws when this file is not inside the project (a packaging mistake). */
export function dataDir(): string {
  if (cached !== null) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (isBindery(dir)) {
      cached = path.join(dir, 'data');
      return cached;
    }
    if (path.dirname(dir) === dir) throw new Error(`No bindery package.json above ${__dirname}: the data folder cannot be found`);
  }
}
