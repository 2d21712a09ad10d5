import { describe, expect, it } from 'vitest';
import { callerNumber, normalizeTarget } from '../../../src/renderer/phone/engine/target';

const dial = (s: string) => normalizeTarget(s, 'pbx.example.com', 'FR');

describe('dial target normalisation', () => {
  it('reads national and international formats as the same E.164 number', () => {
    for (const input of [
      '06 12 34 56 78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0033612345678',
      '+33 (0)6 12-34-56-78'.replace('(0)', ''),
    ]) {
      expect(dial(input)).toEqual({
        ok: true,
        kind: 'phone',
        uri: 'sip:+33612345678@pbx.example.com',
        number: '+33612345678',
      });
    }
    expect(normalizeTarget('(415) 555-2671', 'pbx', 'US')).toMatchObject({ ok: true, number: '+14155552671' });
  });

  it('accepts tel: and callto: numbers', () => {
    expect(dial('tel:+33612345678')).toMatchObject({ ok: true, number: '+33612345678' });
    expect(dial('callto://0612345678')).toMatchObject({ ok: true, number: '+33612345678' });
  });

  it('keeps short digit strings as extensions', () => {
    expect(dial('204')).toEqual({ ok: true, kind: 'extension', uri: 'sip:204@pbx.example.com', number: '204' });
    expect(dial('*97')).toMatchObject({ ok: true, kind: 'extension', uri: 'sip:*97@pbx.example.com' });
    expect(dial('#31#')).toMatchObject({ ok: true, uri: 'sip:%2331%23@pbx.example.com' });
  });

  it('accepts SIP URIs, user@host and bare user names', () => {
    expect(dial('sip:bob@other.example.com')).toEqual({
      ok: true,
      kind: 'sip',
      uri: 'sip:bob@other.example.com',
      number: 'bob',
    });
    expect(dial('bob@other.example.com')).toMatchObject({ ok: true, uri: 'sip:bob@other.example.com' });
    expect(dial('sales.desk')).toMatchObject({ ok: true, uri: 'sip:sales.desk@pbx.example.com' });
  });

  it('says what is wrong with bad input', () => {
    expect(dial('  ')).toEqual({ ok: false, error: 'enter a number or SIP address to call' });
    expect(dial('06 12 34')).toEqual({ ok: false, error: '"06 12 34" is not a valid phone number' });
    expect(dial('sip:nobody')).toEqual({ ok: false, error: '"sip:nobody" is not a valid SIP address (sip:user@host)' });
    expect(dial('a@b@c')).toMatchObject({ ok: false, error: expect.stringMatching(/not a valid SIP address/) });
    expect(dial('hello world')).toMatchObject({ ok: false, error: expect.stringMatching(/neither a phone number/) });
    expect(normalizeTarget('0612345678', '', 'FR')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no domain/),
    });
  });
});

describe('caller number', () => {
  it('reads callers as E.164 when they are phone numbers', () => {
    expect(callerNumber('0612345678', 'FR')).toBe('+33612345678');
    expect(callerNumber('%2B33612345678', 'FR')).toBe('+33612345678');
    expect(callerNumber('bob', 'FR')).toBe('bob');
    expect(callerNumber('204', 'FR')).toBe('204');
    expect(callerNumber(undefined, 'FR')).toBe('anonymous');
  });
});
