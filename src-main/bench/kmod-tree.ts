// A module tree that kmod itself can answer from: for each module of a
// modules.alias file a minimal ELF relocatable object whose .modinfo section
// holds its `alias=` strings, then depmod, which builds modules.alias.bin from
// them exactly as it does from real modules. `modprobe -R` on that tree is the
// oracle for Bindery's matching, in the tests and in the benchmark.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface KmodTree {
  readonly dir: string;
  readonly version: string;
  /** The modules.alias that depmod wrote. */
  readonly aliasFile: string;
}

/** Only the sentinel module answers this key: between the keys of one modprobe call, it marks where an answer ends. */
const SENTINEL_KEY = 'bindery:sentinel';
const SENTINEL_MODULE = 'bindery_oracle_sentinel';
export const SENTINEL_LINE = `alias ${SENTINEL_KEY} ${SENTINEL_MODULE}`;

/** Where depmod and modprobe live on Debian (/usr/sbin is not on every PATH). */
export function kmodTool(name: 'depmod' | 'modprobe'): string {
  for (const dir of ['/usr/sbin', '/sbin', '/usr/bin', '/bin']) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${name} not found: install the Debian package kmod (apt-get install -y kmod).`);
}

/**
 * Builds the tree in `dir` from `alias <pattern> <module>` lines, keeping the
 * modules in the order they first appear (through modules.order) so depmod
 * writes them back in the same order. A sentinel module is added for batching.
 */
export function buildKmodTree(dir: string, version: string, aliasText: string): KmodTree {
  const modules = new Map<string, string[]>();
  for (const line of [...aliasText.split('\n'), SENTINEL_LINE]) {
    if (!line.startsWith('alias ')) continue;
    const body = line.slice(6);
    const space = body.lastIndexOf(' ');
    const module = body.slice(space + 1);
    const patterns = modules.get(module) ?? [];
    patterns.push(body.slice(0, space));
    modules.set(module, patterns);
  }
  const moduleDir = path.join(dir, 'lib', 'modules', version);
  fs.mkdirSync(path.join(moduleDir, 'kernel'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'modprobe.d'), { recursive: true });
  const order: string[] = [];
  for (const [module, patterns] of modules) {
    const modinfo = Buffer.from(`${patterns.map((p) => `alias=${p}\0`).join('')}name=${module}\0`, 'utf8');
    fs.writeFileSync(path.join(moduleDir, 'kernel', `${module}.ko`), elfWithModinfo(modinfo));
    order.push(`kernel/${module}.ko`);
  }
  fs.writeFileSync(path.join(moduleDir, 'modules.order'), `${order.join('\n')}\n`);
  // Empty, so depmod does not warn that they are missing.
  fs.writeFileSync(path.join(moduleDir, 'modules.builtin'), '');
  fs.writeFileSync(path.join(moduleDir, 'modules.builtin.modinfo'), '');
  execFileSync(kmodTool('depmod'), ['-b', dir, '-C', path.join(dir, 'modprobe.d'), version], { stdio: 'pipe' });
  return { dir, version, aliasFile: path.join(moduleDir, 'modules.alias') };
}

/**
 * An ELF64 little-endian relocatable object with two sections, .modinfo and
 * the section-name table: all that depmod (kmod_elf_new, kmod_elf_get_strings)
 * reads from a module to list its aliases.
 */
export function elfWithModinfo(modinfo: Buffer): Buffer {
  const names = Buffer.from('\0.modinfo\0.shstrtab\0', 'latin1');
  const ehsize = 64;
  const shentsize = 64;
  const namesAt = ehsize + modinfo.length;
  const sectionsAt = Math.ceil((namesAt + names.length) / 8) * 8;
  const elf = Buffer.alloc(sectionsAt + 3 * shentsize);
  elf.write('\x7fELF', 0, 'latin1');
  elf[4] = 2; // ELFCLASS64
  elf[5] = 1; // ELFDATA2LSB
  elf[6] = 1; // EV_CURRENT
  elf.writeUInt16LE(1, 16); // ET_REL
  elf.writeUInt16LE(62, 18); // EM_X86_64
  elf.writeUInt32LE(1, 20);
  elf.writeBigUInt64LE(BigInt(sectionsAt), 40);
  elf.writeUInt16LE(ehsize, 52);
  elf.writeUInt16LE(shentsize, 58);
  elf.writeUInt16LE(3, 60);
  elf.writeUInt16LE(2, 62); // e_shstrndx
  modinfo.copy(elf, ehsize);
  names.copy(elf, namesAt);
  const section = (index: number, name: number, type: number, flags: number, offset: number, size: number): void => {
    const at = sectionsAt + index * shentsize;
    elf.writeUInt32LE(name, at);
    elf.writeUInt32LE(type, at + 4);
    elf.writeBigUInt64LE(BigInt(flags), at + 8);
    elf.writeBigUInt64LE(BigInt(offset), at + 24);
    elf.writeBigUInt64LE(BigInt(size), at + 32);
    elf.writeBigUInt64LE(1n, at + 48);
  };
  section(1, 1, 1, 2, ehsize, modinfo.length); // .modinfo: SHT_PROGBITS, SHF_ALLOC
  section(2, 10, 3, 0, namesAt, names.length); // .shstrtab: SHT_STRTAB
  return elf;
}

/**
 * `modprobe -R` for every key, in batches of one process each: `-a` resolves
 * each argument in turn and a sentinel key between them separates the answers.
 * `-C` with an empty directory replaces /etc/modprobe.d and /lib/modprobe.d,
 * whose `alias` lines would otherwise hide modules.alias matches (kmod looks at
 * config aliases first); nothing else in the host's configuration affects -R.
 */
export async function modprobeResolveAll(tree: KmodTree, keys: readonly string[], batch = 250, parallel = 4): Promise<string[][]> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += batch) batches.push(keys.slice(i, i + batch));
  const results: string[][][] = new Array<string[][]>(batches.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const mine = next++;
      results[mine] = await resolveBatch(tree, batches[mine] ?? []);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
  return results.flat();
}

/** One key in one process, exactly `modprobe -d TREE -S VERSION -C EMPTY -R KEY`. */
export async function modprobeResolve(tree: KmodTree, key: string): Promise<string[]> {
  const { stdout } = await run(modprobeArgs(tree, ['-R', key]));
  return stdout.split('\n').filter((line) => line.length > 0);
}

function modprobeArgs(tree: KmodTree, rest: readonly string[]): string[] {
  return ['-d', tree.dir, '-S', tree.version, '-C', path.join(tree.dir, 'modprobe.d'), ...rest];
}

async function resolveBatch(tree: KmodTree, keys: readonly string[]): Promise<string[][]> {
  const { stdout, stderr } = await run(modprobeArgs(tree, ['-a', '-R', ...keys.flatMap((key) => [key, SENTINEL_KEY])]));
  const answers: string[][] = [];
  let current: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line === SENTINEL_MODULE) {
      answers.push(current);
      current = [];
    } else if (line.length > 0) {
      current.push(line);
    }
  }
  if (answers.length !== keys.length) {
    throw new Error(`modprobe answered ${answers.length} of ${keys.length} keys: ${stderr.slice(0, 500)}`);
  }
  return answers;
}

function run(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(kmodTool('modprobe'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    // Exit status 1 only means some key matched nothing.
    child.on('close', () => resolve({ stdout, stderr }));
  });
}
