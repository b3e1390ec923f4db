// Reading Bindery's own state files: missing means "none yet"; anything else
// that goes wrong is the caller's to explain (it knows what the file is for).
import fs from 'node:fs';

export type JsonFile = { readonly found: false } | { readonly found: true; readonly data: unknown };

/** The file's JSON; `data` is undefined when it is not valid JSON. Errors other than ENOENT are thrown. */
export function readJsonFile(file: string): JsonFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
    throw error;
  }
  try {
    return { found: true, data: JSON.parse(text) as unknown };
  } catch {
    return { found: true, data: undefined };
  }
}
