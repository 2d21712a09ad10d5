import { describe, expect, it } from 'vitest';
import { iceServersToText, parseIceText } from '../../../src/renderer/settings/ice-text';

describe('ICE servers textarea', () => {
  it('writes one server per line, URLs first, then TURN credentials', () => {
    expect(
      iceServersToText([
        { urls: 'stun:stun.example.com:3478' },
        {
          urls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349'],
          username: 'u',
          credential: 'p',
        },
      ]),
    ).toBe(
      'stun:stun.example.com:3478\nturn:turn.example.com:3478?transport=udp turns:turn.example.com:5349 username=u credential=p',
    );
    expect(iceServersToText([])).toBe('');
  });

  it('parses back what it writes', () => {
    const servers = [
      { urls: 'stun:stun.example.com:3478' },
      { urls: ['turn:a.example:3478', 'turns:a.example:5349'], username: 'alice', credential: 's3cr=t' },
    ];
    expect(parseIceText(iceServersToText(servers))).toEqual({ ok: true, servers });
  });

  it('ignores blank lines and surrounding spaces, accepts CRLF', () => {
    expect(parseIceText('\n  stun:a.example  \r\n\r\n stun:b.example\n')).toEqual({
      ok: true,
      servers: [{ urls: 'stun:a.example' }, { urls: 'stun:b.example' }],
    });
    expect(parseIceText('   ')).toEqual({ ok: true, servers: [] });
  });

  it('points at the line of an address that is not stun/turn', () => {
    expect(parseIceText('stun:a.example\nhttps://b.example')).toEqual({ ok: false, problem: 'bad-url', line: 2 });
    expect(parseIceText('username=x credential=y')).toEqual({ ok: false, problem: 'bad-url', line: 1 });
  });

  it('requires both credentials for TURN', () => {
    expect(parseIceText('turn:a.example username=x')).toEqual({
      ok: false,
      problem: 'turn-needs-credentials',
      line: 1,
    });
    expect(parseIceText('turn:a.example username=x credential=y')).toMatchObject({ ok: true });
  });

  it('refuses more than 10 servers', () => {
    const text = Array.from({ length: 11 }, (_, i) => `stun:s${i}.example`).join('\n');
    expect(parseIceText(text)).toEqual({ ok: false, problem: 'too-many', line: 11 });
  });
});
