// The bridge: the real UI in a normal browser against the real engine, for
// development and end-to-end tests. Loopback only, a random token per run,
// never shipped in packages.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { EVENT_NAMES } from '../../src-shared/api';
import { BRIDGE_PATH, ClientMessageSchema, MAX_CLIENT_MESSAGE, TOKEN_PARAM } from '../../src-shared/bridge-protocol';
import type { ServerMessage } from '../../src-shared/bridge-protocol';
import type { Dispatcher } from '../engine/service/dispatcher';
import { serveStatic } from './static-files';

export interface BridgeOptions {
  readonly dispatcher: Dispatcher;
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface RunningBridge {
  /** What to open in a browser: the token travels in the fragment, never in requests. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function serveSocket(socket: WebSocket, dispatcher: Dispatcher): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribes = EVENT_NAMES.map((event) =>
    dispatcher.subscribe(event, (payload) => send({ type: 'event', event, payload })),
  );
  socket.on('close', () => unsubscribes.forEach((unsubscribe) => unsubscribe()));
  // ws reports protocol violations (oversized frames, bad UTF-8) here and closes the
  // socket itself; without a listener they would take the whole bridge down.
  socket.on('error', () => socket.terminate());
  socket.on('message', (data, isBinary) => {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      parsed = undefined;
    }
    const message = ClientMessageSchema.safeParse(parsed);
    if (!message.success) {
      socket.close(1008, 'malformed message');
      return;
    }
    const { id, method, args } = message.data;
    void dispatcher.call(method, args).then((result) => send({ type: 'result', id, result }));
  });
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = crypto.randomBytes(24).toString('base64url');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    serveStatic(options.rendererDir, url.pathname, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE });
  server.on('upgrade', (request, stream, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = request.headers.origin;
    const host = request.headers.host ?? '';
    // Same-origin pages only: another site in the same browser must not reach the engine.
    const sameOrigin = origin === undefined || origin === `http://${host}`;
    const presented = url.searchParams.get(TOKEN_PARAM) ?? '';
    if (url.pathname !== BRIDGE_PATH || !sameOrigin || !tokensEqual(presented, token)) {
      stream.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, stream, head, (socket) => serveSocket(socket, options.dispatcher));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/#${TOKEN_PARAM}=${token}`,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
