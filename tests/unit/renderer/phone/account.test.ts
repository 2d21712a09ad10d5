import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../src/shared/domain/settings';
import { accountFromSettings, sameAccount } from '../../../../src/renderer/phone/account';

const configured: Settings = {
  ...defaultSettings,
  sip: { ...defaultSettings.sip, server: 'wss://pbx.garage.example:8089/ws', uri: 'sip:201@pbx.garage.example' },
};

describe('softphone account from settings', () => {
  it('names the missing piece', () => {
    expect(accountFromSettings(defaultSettings, 'pw')).toEqual({ ok: false, problem: 'no-server' });
    expect(
      accountFromSettings({ ...defaultSettings, sip: { ...defaultSettings.sip, server: 'ws://x:8088' } }, 'pw'),
    ).toEqual({ ok: false, problem: 'no-uri' });
    expect(accountFromSettings(configured, null)).toEqual({ ok: false, problem: 'no-password' });
  });

  it('authenticates as the URI user unless an authorization user is set', () => {
    const plain = accountFromSettings(configured, 'pw');
    expect(plain.ok && plain.account.authorizationUsername).toBe('201');
    const explicit = accountFromSettings(
      { ...configured, sip: { ...configured.sip, authorizationUsername: 'auth201' } },
      'pw',
    );
    expect(explicit.ok && explicit.account.authorizationUsername).toBe('auth201');
  });

  it('carries lines, decline code, DTMF and ICE settings through', () => {
    const result = accountFromSettings(
      {
        ...configured,
        phone: { maxLines: 3, declineCode: 603 },
        ice: { servers: [{ urls: 'stun:stun.garage.example' }], gatheringTimeoutMs: 200 },
      },
      'pw',
    );
    expect(result).toMatchObject({
      ok: true,
      account: {
        maxLines: 3,
        declineCode: 603,
        dtmfMethod: 'rfc4733',
        iceServers: [{ urls: 'stun:stun.garage.example' }],
        iceGatheringTimeoutMs: 200,
        defaultRegion: 'FR',
        password: 'pw',
      },
    });
  });

  it('tells an unrelated settings change from an account change', () => {
    const a = accountFromSettings(configured, 'pw');
    const b = accountFromSettings({ ...configured, locale: 'en' }, 'pw');
    const c = accountFromSettings(configured, 'other');
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected accounts');
    expect(sameAccount(a.account, b.account)).toBe(true);
    expect(sameAccount(a.account, c.account)).toBe(false);
    expect(sameAccount(null, null)).toBe(true);
  });
});
