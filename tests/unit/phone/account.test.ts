import { describe, expect, it } from 'vitest';
import { accountDomain, validateAccount } from '../../../src/renderer/phone/engine/account';
import type { AccountConfig } from '../../../src/renderer/phone/engine/types';

const good: AccountConfig = {
  server: 'wss://pbx.example.com:8089/ws',
  uri: 'sip:204@pbx.example.com',
  authorizationUsername: '204',
  password: 'secret',
  displayName: 'Julie',
  outboundProxy: '',
  dtmfMethod: 'rfc4733',
  iceServers: [{ urls: 'stun:stun.example.com:3478' }],
  iceGatheringTimeoutMs: 300,
  maxLines: 2,
  declineCode: 486,
  defaultRegion: 'FR',
};

describe('account validation', () => {
  it('accepts a complete account', () => {
    expect(validateAccount(good)).toEqual([]);
    expect(validateAccount({ ...good, server: 'ws://127.0.0.1:8088', outboundProxy: 'sip:proxy.example.com' })).toEqual(
      [],
    );
  });

  it('names each bad field with a clear message', () => {
    const problems = validateAccount({
      ...good,
      server: 'https://pbx.example.com',
      uri: '204',
      password: '',
      outboundProxy: 'proxy.example.com',
      iceServers: [{ urls: ['stun:ok.example.com', 'http://bad'] }],
      iceGatheringTimeoutMs: 10,
      maxLines: 0,
      declineCode: 404 as never,
      defaultRegion: 'france',
    });
    expect(Object.fromEntries(problems.map((p) => [p.field, p.message]))).toEqual({
      server: 'server must use ws:// or wss://, got https://',
      uri: 'SIP URI must look like sip:user@domain, got "204"',
      password: 'password is empty',
      outboundProxy: 'outbound proxy must be a SIP URI like sip:proxy.example.com, got "proxy.example.com"',
      iceServers: 'ICE server 1: "http://bad" is not a stun:/turn: URL',
      iceGatheringTimeoutMs: 'ICE gathering timeout must be at least 50 ms, got 10',
      maxLines: 'lines must be a whole number of at least 1, got 0',
      declineCode: 'decline code must be 486 or 603, got 404',
      defaultRegion: 'region must be a two-letter country code like FR, got "france"',
    });
    expect(validateAccount({ ...good, server: 'not a url' })[0]?.message).toMatch(/must be a ws:\/\/ or wss:\/\/ URL/);
  });

  it('reads the domain of the account', () => {
    expect(accountDomain('sip:204@pbx.example.com')).toBe('pbx.example.com');
    expect(accountDomain('204')).toBe('');
  });
});
