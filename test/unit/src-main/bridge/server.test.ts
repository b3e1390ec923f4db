// The bridge exposes the engine to a browser: only to a page that holds the
// run's token and comes from the bridge's own origin, and only the contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBridge } from '../../../../src-main/bridge/server';
import type { RunningBridge } from '../../../../src-main/bridge/server';
import { createDispatcher } from '../../../../src-main/engine/service/dispatcher';
import { openWorkspace } from '../../../../src-main/engine/service/open-workspace';
import type { ServerMessage } from '../../../../src-shared/bridge-protocol';

let bridge: RunningBridge;
let base: URL;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindery-renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bindery</title>');
  const service = openWorkspace({ sysfsRoot: '/', modulesAlias: null, host: 'local' });
  bridge = await startBridge({ dispatcher: createDispatcher(service), rendererDir, port: 0 });
  base = new URL(bridge.url);
});
afterAll(async () => {
  await bridge.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function socketUrl(token: string): string {
  return `ws://${base.host}/bridge?token=${encodeURIComponent(token)}`;
}

function connect(token: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketUrl(token), origin ? { origin } : {});
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerMessage)));
}

describe('bridge', () => {
  it('prints a loopback address with the token in the fragment', () => {
    expect(base.hostname).toBe('127.0.0.1');
    expect(base.hash).toBe(`#token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the UI with a strict CSP, and nothing outside it', async () => {
    const page = await fetch(new URL('/', base));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(new URL('/..%2f..%2fetc%2fpasswd', base));
    expect(escape.status).toBe(404);
    const post = await fetch(new URL('/', base), { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('refuses sockets without the token, with a wrong token, or from another origin', async () => {
    await expect(connect('')).rejects.toThrow(/403/);
    await expect(connect(`${bridge.token}x`)).rejects.toThrow(/403/);
    await expect(connect(bridge.token, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('answers calls from the page with Result envelopes', async () => {
    const socket = await connect(bridge.token, `http://${base.host}`);
    socket.send(JSON.stringify({ type: 'call', id: 7, method: 'getHost', args: [] }));
    expect(await nextMessage(socket)).toMatchObject({ type: 'result', id: 7, result: { ok: true, value: { id: 'local' } } });
    socket.send(JSON.stringify({ type: 'call', id: 8, method: 'getCandidates', args: ['../etc'] }));
    // Refused by the schema before the engine runs, so no scan (and no event) happens first.
    expect(await nextMessage(socket)).toMatchObject({ id: 8, result: { ok: false, error: { code: 'BAD_INPUT' } } });
    socket.close();
  });

  it('pushes snapshot events to connected pages', async () => {
    const socket = await connect(bridge.token);
    const messages: ServerMessage[] = [];
    const done = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        messages.push(JSON.parse(String(data)) as ServerMessage);
        if (messages.length === 2) resolve();
      }),
    );
    socket.send(JSON.stringify({ type: 'call', id: 1, method: 'refresh', args: [] }));
    await done;
    expect(messages.map((m) => m.type).sort()).toEqual(['event', 'result']);
    expect(messages.find((m) => m.type === 'event')).toMatchObject({ event: 'onDidChangeSnapshot' });
    socket.close();
  });

  it('closes the socket on malformed or oversized messages, and keeps serving others', async () => {
    for (const payload of ['not json', JSON.stringify({ type: 'call', id: -1, method: 'getHost', args: [] }), 'x'.repeat(70_000)]) {
      const socket = await connect(bridge.token);
      // The client's own side may also complain about the size; only the close matters here.
      socket.on('error', () => undefined);
      const code = await new Promise<number>((resolve) => {
        socket.once('close', (c) => resolve(c));
        socket.send(payload);
      });
      expect([1008, 1009]).toContain(code);
    }
    const survivor = await connect(bridge.token);
    survivor.send(JSON.stringify({ type: 'call', id: 1, method: 'getHost', args: [] }));
    expect(await nextMessage(survivor)).toMatchObject({ id: 1, result: { ok: true } });
    survivor.close();
  });
});
