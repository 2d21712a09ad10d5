import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../../src/core/app-core';
import { silentLogger } from '../../../src/core/log';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';
import { startWebHost, type WebHost } from '../../../src/web/server';

let core: Core;
let host: WebHost;
let origin: string;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'relance-web-'));
  const staticDir = join(root, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Relance</title>');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
  core = await createCore({
    dataDir: join(root, 'data'),
    shell: 'web',
    version: '1.2.3',
    provisioningFiles: [],
    secrets: new SessionSecretStore(),
  });
  host = await startWebHost({ core, staticDir, port: 0, log: silentLogger });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await core.close();
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket and resolves with 'open' or the HTTP status it was refused with. */
function tryConnect(url: string, headers: Record<string, string>) {
  return new Promise<{ outcome: 'open'; ws: WebSocket } | { outcome: number }>((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => resolve({ outcome: 'open', ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ outcome: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ outcome: -1 }));
  });
}

function call(ws: WebSocket, message: unknown) {
  return new Promise<Record<string, unknown>>((resolve) => {
    ws.on('message', function listener(data) {
      const parsed = JSON.parse(String(data));
      if (parsed.kind === 'response') {
        ws.off('message', listener);
        resolve(parsed);
      }
    });
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('web host', () => {
  it('listens on loopback and hands out a token in the URL fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Relance</title>');
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    expect(String(res.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('refuses a WebSocket without the token, with a wrong one, or from a foreign Origin', async () => {
    const base = `ws://127.0.0.1:${host.port}/rpc`;
    expect((await tryConnect(base, { origin })).outcome).toBe(403);
    expect((await tryConnect(`${base}?token=${'x'.repeat(host.token.length)}`, { origin })).outcome).toBe(403);
    expect((await tryConnect(`${base}?token=${host.token}`, { origin: 'http://evil.example' })).outcome).toBe(403);
    expect((await tryConnect(`${base}?token=${host.token}`, {})).outcome).toBe(403);
    expect(
      (await tryConnect(`${base}?token=${host.token}`, { origin, host: `evil.example:${host.port}` })).outcome,
    ).toBe(403);
  });

  it('carries the contract over the WebSocket, validating every message', async () => {
    const connected = await tryConnect(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, { origin });
    expect(connected.outcome).toBe('open');
    if (connected.outcome !== 'open') return;
    const ws = connected.ws;
    expect(await call(ws, { id: 1, method: 'app.info', payload: {} })).toEqual({
      kind: 'response',
      id: 1,
      result: { ok: true, value: { name: 'Relance', version: '1.2.3', shell: 'web', dataDir: expect.any(String) } },
    });
    expect(await call(ws, 'not json')).toMatchObject({
      id: -1,
      result: { ok: false, error: { code: 'invalid-request' } },
    });
    expect(await call(ws, { id: 2, method: 'nope', payload: {} })).toMatchObject({
      id: 2,
      result: { ok: false, error: { code: 'unknown-method' } },
    });
    expect(await call(ws, { id: 3, method: 'settings.update', payload: { locale: 'de' } })).toMatchObject({
      id: 3,
      result: { ok: false, error: { code: 'invalid-request', field: 'locale' } },
    });

    const event = new Promise((resolve) =>
      ws.on('message', (data) => {
        const parsed = JSON.parse(String(data));
        if (parsed.kind === 'event') resolve(parsed);
      }),
    );
    expect(await call(ws, { id: 4, method: 'settings.update', payload: { locale: 'en' } })).toMatchObject({
      result: { ok: true, value: { values: { locale: 'en' } } },
    });
    expect(await event).toMatchObject({
      kind: 'event',
      event: 'settings.changed',
      payload: { values: { locale: 'en' } },
    });
    ws.close();
  });
});
