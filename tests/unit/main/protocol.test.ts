import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { CONTENT_SECURITY_POLICY, handleAppRequest, registerAppScheme, resolveAppPath, serveAppContent } =
  await import('../../../src/main/protocol');

let base: string;
let root: string;
let secret: string;
const get = (url: string, method = 'GET') => handleAppRequest(new Request(url, { method }), root);

beforeAll(async () => {
  // base/renderer is what gets served; base/secret.txt sits right next to it and must never be.
  base = await mkdtemp(join(tmpdir(), 'relance-protocol-'));
  root = join(base, 'renderer');
  secret = join(base, 'secret.txt');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Relance</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'ring.wav'), 'RIFF');
  await writeFile(secret, 'TOP SECRET');
  await symlink(secret, join(root, 'assets', 'link.txt'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('app:// protocol', () => {
  beforeEach(resetFake);

  it('registers app as a standard, secure, fetch-capable scheme and serves it', async () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    serveAppContent(root);
    const response = await fake.protocolHandlers.get('app')!(new Request('app://relance/index.html'));
    expect(response.status).toBe(200);
  });

  it('serves index.html for the root with the CSP header', async () => {
    const response = await get('app://relance/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Relance</title>');
  });

  it('serves assets with their MIME types', async () => {
    expect((await get('app://relance/assets/index-abc.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('app://relance/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('app://relance/assets/ring.wav')).headers.get('content-type')).toBe('audio/wav');
  });

  it.each([
    ['literal dot segments', 'app://relance/../secret.txt'],
    ['encoded dot segments', 'app://relance/%2e%2e/secret.txt'],
    ['encoded slash after ..', 'app://relance/..%2fsecret.txt'],
    ['encoded slash and dots', 'app://relance/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
    // Would land inside the root, but an encoded `..` is an attempt, not a path.
    ['encoded .. that stays inside', 'app://relance/assets/..%2findex.html'],
    ['backslashes', 'app://relance/..%5csecret.txt'],
    ['etc/passwd', 'app://relance/../../etc/passwd'],
    ['encoded etc/passwd', 'app://relance/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    ['absolute path', `app://relance/${encodeURIComponent(secret)}`],
    ['double slash absolute path', `app://relance/${secret}`.replace('relance/', 'relance//')],
    ['drive letter', 'app://relance/C:/Windows/win.ini'],
    ['NUL byte', 'app://relance/index.html%00.js'],
    ['symlink leading outside', 'app://relance/assets/link.txt'],
    ['another host', 'app://evil/index.html'],
    ['a directory', 'app://relance/assets'],
    ['a missing file', 'app://relance/nope.js'],
    ['broken escapes', 'app://relance/%E0%A4%A'],
  ])('refuses %s with 404 and the CSP header', async (_name, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('maps app URLs to files under the root, and nothing else', () => {
    expect(resolveAppPath(root, 'app://relance/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://relance/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    for (const url of [
      'app://relance/..%2fsecret.txt',
      `app://relance/${encodeURIComponent(secret)}`,
      'app://relance/a%2f.%2fb',
    ]) {
      expect(resolveAppPath(root, url)).toBeNull();
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://relance/index.html', 'POST')).status).toBe(405);
    const head = await get('app://relance/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

  it('allows only the app’s own scripts and styles, no inline or eval', () => {
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('lets the SIP WebSocket connect and ringtones play, and closes the rest', () => {
    expect(directives['connect-src']).toBe("'self' ws: wss:");
    expect(directives['media-src']).toBe("'self' blob:");
    expect(directives['img-src']).toBe("'self' data:");
    for (const name of ['object-src', 'base-uri', 'frame-ancestors', 'form-action'])
      expect(directives[name]).toBe("'none'");
  });
});
