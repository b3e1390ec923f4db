// A cpio archive in the kernel's "newc" format, for the job appended to the
// base initramfs (the kernel unpacks concatenated archives one after another).
const pad4 = (length: number): Buffer => Buffer.alloc((4 - (length % 4)) % 4);

function entry(name: string, mode: number, data: Buffer, ino: number): Buffer {
  const nameBytes = Buffer.from(`${name}\0`);
  const fields = [ino, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0];
  const header = Buffer.from(`070701${fields.map((f) => f.toString(16).padStart(8, '0')).join('')}`);
  return Buffer.concat([header, nameBytes, pad4(header.length + nameBytes.length), data, pad4(data.length)]);
}

/** Regular files (0644) at the given paths, below directories (0755) listed first. */
export function cpioArchive(dirs: readonly string[], files: ReadonlyMap<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  let ino = 0x10000;
  for (const dir of dirs) parts.push(entry(dir, 0o040755, Buffer.alloc(0), (ino += 1)));
  for (const [name, data] of files) parts.push(entry(name, 0o100644, data, (ino += 1)));
  parts.push(entry('TRAILER!!!', 0, Buffer.alloc(0), 0));
  return Buffer.concat(parts);
}
