import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFileLogs } from '../../../src/core/log-files/file-logs';
import { redactText } from '../../../src/core/log-files/redact';
import { consoleLogger, redact } from '../../../src/core/log';

/** A REGISTER as sip.js sends it after a 401, with the digest computed from the password "alicepw". */
const register = [
  'REGISTER sip:127.0.0.1 SIP/2.0',
  'Via: SIP/2.0/WSS 8b2kd1s0o3he.invalid;branch=z9hG4bK4513907',
  'To: <sip:alice@127.0.0.1>',
  'From: "Alice" <sip:alice@127.0.0.1>;tag=ri5l1fq0fe',
  'CSeq: 2 REGISTER',
  'Call-ID: 5bi2s8gu3o8ntqq04uqc',
  'Authorization: Digest algorithm=MD5, username="alice", realm="rig.relance.test", nonce="Zx1k5Wc9Pw0AAGz7yH0", uri="sip:127.0.0.1", response="9c55e5f5a1a2c0e4cbd2e2b73b1f6a8d", opaque="5ccc069c403ebaf9f0171e9517f40e41", qop=auth, cnonce="d8s2qk3o8l1n", nc=00000001',
  'Proxy-Authorization: Digest username="alice", realm="proxy.test",',
  ' response="0f3c1b7e2d9a8f6e5d4c3b2a19081726", nonce="a1b2c3"',
  'Contact: <sip:m0ifd3qe@8b2kd1s0o3he.invalid;transport=ws>;expires=600',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');
const secrets = [
  'alicepw',
  '9c55e5f5a1a2c0e4cbd2e2b73b1f6a8d',
  'Zx1k5Wc9Pw0AAGz7yH0',
  'd8s2qk3o8l1n',
  '5ccc069c403ebaf9f0171e9517f40e41',
  '0f3c1b7e2d9a8f6e5d4c3b2a19081726',
];

describe('log redaction', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'relance-redact-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('a SIP REGISTER with Authorization headers leaves no secret in sip.log', async () => {
    const logs = openFileLogs({ dataDir, level: 'debug' });
    logs.sip.debug(`sent ${register}`, { direction: 'out' });
    logs.sip.debug('received', { message: register, transport: 'wss://alice:alicepw@sip.example/ws' });
    logs.sip.info('registered', { password: 'alicepw', sip: { password: 'alicepw' } });
    await logs.close();
    const text = await readFile(join(dataDir, 'logs', 'sip.log'), 'utf8');
    for (const secret of secrets) expect(text).not.toContain(secret);
    // What IT needs to read the failure stays: the method, the account and the realm.
    const first = JSON.parse(text.split('\n')[0]!) as { message: string };
    expect(first.message).toContain('REGISTER sip:127.0.0.1 SIP/2.0');
    expect(first.message).toContain('Authorization: Digest username="alice", realm="rig.relance.test" [redacted]');
    expect(first.message).toContain('Proxy-Authorization: Digest username="alice", realm="proxy.test" [redacted]');
    expect(first.message).toContain('Contact: <sip:m0ifd3qe@8b2kd1s0o3he.invalid;transport=ws>;expires=600');
  });

  it('redacts Bearer/Basic headers, URI passwords and password/token pairs in text', () => {
    expect(redactText('Authorization: Basic YWxpY2U6YWxpY2Vwdw==')).toBe('Authorization: Basic [redacted]');
    expect(redactText('header authorization: Bearer eyJhbGciOi.x.y end')).toBe(
      'header authorization: Bearer [redacted]',
    );
    expect(redactText('dial wss://alice:alicepw@pbx.example/ws and sip:bob:hunter2@pbx')).toBe(
      'dial wss://alice:[redacted]@pbx.example/ws and sip:bob:[redacted]@pbx',
    );
    expect(redactText('{"sip.password":"a\\"b","token": "t0k", x: 1} password=p4ss&next=1 secret: s')).toBe(
      '{"sip.password":"[redacted]","token": "[redacted]", x: 1} password=[redacted]&next=1 secret: [redacted]',
    );
  });

  it('leaves ordinary text alone and is idempotent', () => {
    const plain = 'REGISTER sip:alice@127.0.0.1 -> 200 OK; bypass=1, tokens: 5, passwordless sign-in';
    expect(redactText(plain)).toBe(plain);
    expect(redactText(redactText(register))).toBe(redactText(register));
  });

  it('redacts secret-named fields at any depth, inside arrays, and in the console logger', () => {
    expect(redact({ ice: [{ urls: 'turn:t', credential: 'c' }], nested: { apiToken: 'x', ok: 1 } })).toEqual({
      ice: [{ urls: 'turn:t', credential: '[redacted]' }],
      nested: { apiToken: '[redacted]', ok: 1 },
    });
    const lines: string[] = [];
    consoleLogger((line) => lines.push(line)).warn(`retry ${register}`);
    for (const secret of secrets) expect(lines[0]).not.toContain(secret);
  });
});
