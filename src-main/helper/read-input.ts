// Standard input, but never more than `limit` bytes: a bigger request is
// refused without being read to its end.
import type { Readable } from 'node:stream';

/** Up to `limit` bytes; more than that returns `limit + 1` bytes, which the caller refuses. */
export async function readInput(stream: Readable, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}
