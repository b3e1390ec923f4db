// Which modules are blacklisted (modprobe.d `blacklist NAME` lines), and which
// are installed for the kernel (modules.dep lists every module file).
export function blacklisted(configs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of configs) {
    for (const line of text.split('\n')) {
      const match = /^\s*blacklist\s+(\S+)/.exec(line);
      if (match?.[1]) names.add(match[1].replaceAll('-', '_'));
    }
  }
  return [...names].sort();
}

/** `kernel/drivers/net/ethernet/intel/igc/igc.ko.xz: ...` -> `igc`. */
export function installedModules(modulesDep: string): string[] {
  const names = new Set<string>();
  for (const line of modulesDep.split('\n')) {
    const file = line.slice(0, line.indexOf(':'));
    const match = /([^/]+)\.ko(?:\.[a-z]+)?$/.exec(file);
    if (match?.[1]) names.add(match[1].replaceAll('-', '_'));
  }
  return [...names].sort();
}
