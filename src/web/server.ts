import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestEnvelopeSchema, type ServerMessage } from '../shared/contract';
import { contentSecurityPolicy } from '../shared/csp';
import { fail } from '../shared/result';
import type { Core } from '../core/app-core';
import type { Logger } from '../core/log';
import { dispatch } from '../core/rpc/dispatch';
import { mimeTypeOf, resolveStaticPath } from '../core/static/resolve-static';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
// An import file crosses as base64 inside one message: the contract allows 128 MiB of it.
const MAX_MESSAGE_BYTES = 136 * 1024 * 1024;

/**
 * The web host: the renderer and the contract over one loopback port. Three locks keep other
 * local pages and processes out: loopback bind, a Host allow-list (DNS rebinding), and for
 * the WebSocket an exact Origin plus the per-run token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port;
  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    void serveStatic(options.staticDir, req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const reason = checkUpgrade(req, allowedHosts(), allowedOrigins(), token);
    if (reason) {
      options.log.warn('websocket refused', { reason, origin: req.headers.origin ?? null });
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, options));
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Why an upgrade is refused, or null when it may proceed. */
export function checkUpgrade(
  req: IncomingMessage,
  hosts: Set<string>,
  origins: Set<string>,
  token: string,
): string | null {
  if (!hosts.has(req.headers.host ?? '')) return 'host not allowed';
  if (!origins.has(req.headers.origin ?? '')) return 'origin not allowed';
  const url = new URL(req.url ?? '/', 'http://placeholder');
  if (url.pathname !== '/rpc') return 'unknown path';
  const offered = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return 'missing or wrong token';
  return null;
}

function serveConnection(ws: WebSocket, options: WebHostOptions) {
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = options.core.subscribe((event, payload) => send({ kind: 'event', event, payload }));

  // Dead peers (a closed laptop lid) are dropped instead of piling up listeners.
  let alive = true;
  ws.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, 30_000);

  ws.on('message', async (data, isBinary) => {
    let envelope;
    try {
      if (isBinary) throw new Error('binary frame');
      envelope = RequestEnvelopeSchema.parse(JSON.parse(data.toString()));
    } catch {
      send({ kind: 'response', id: -1, result: fail('invalid-request', 'Malformed message') });
      return;
    }
    const result = await dispatch(options.core.handlers, envelope.method, envelope.payload, options.log);
    send({ kind: 'response', id: envelope.id, result });
  });
  ws.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse) {
  const path = resolveStaticPath(root, new URL(req.url ?? '/', 'http://placeholder').pathname);
  if (!path) return refuse(res, 404, 'Not found');
  try {
    const info = await stat(path);
    if (!info.isFile()) return refuse(res, 404, 'Not found');
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': mimeTypeOf(path),
      'Content-Length': info.size,
      'Cache-Control': path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(path).pipe(res);
  } catch {
    refuse(res, 404, 'Not found');
  }
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'microphone=(self), camera=(self), geolocation=()',
  };
}

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}
