// Serves the built renderer with the same Content-Security-Policy the
// Electron window uses.
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security';
import { contentTypeOf, resolveRendererAsset } from '../engine/service/renderer-assets';

export function serveStatic(rendererDir: string, urlPath: string, response: ServerResponse): void {
  const file = resolveRendererAsset(rendererDir, urlPath);
  let body: Buffer | null;
  try {
    body = file ? fs.readFileSync(file) : null;
  } catch {
    body = null;
  }
  if (!file || !body) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}
