import { describe, expect, it } from 'vitest';
import { checkCall, checkVoicemailDrop } from '../../../src/core/calling-rules';
import { FR_RULES, US_RULES } from '../../../src/shared/domain/calling-rules';
import { codes, consent, contract, ctx, MOBILE, openRules } from './helpers';

const NOW = '2026-06-10T09:00:00.000Z'; // Wednesday 11:00 in Paris
const HOME = '+33145678901';

describe('FR consent: required unless a contract is in progress; revocation is final', () => {
  it.each([
    { case: 'consent for the number', consents: [consent()], contracts: undefined, expected: [] },
    { case: 'no consent at all', consents: [], contracts: undefined, expected: ['no-consent'] },
    {
      case: 'consent for another number only',
      consents: [consent(HOME)],
      contracts: undefined,
      expected: ['no-consent'],
    },
    {
      case: 'consent given after now',
      consents: [consent(MOBILE, { givenAt: '2026-07-01T00:00:00Z' })],
      contracts: undefined,
      expected: ['no-consent'],
    },
    {
      case: 'consent revoked',
      consents: [consent(MOBILE, { revokedAt: '2026-03-01T00:00:00Z' })],
      contracts: undefined,
      expected: ['consent-revoked'],
    },
    {
      case: 'revocation later than now is not yet in force',
      consents: [consent(MOBILE, { revokedAt: '2026-07-01T00:00:00Z' })],
      contracts: undefined,
      expected: [],
    },
    {
      case: 'consent given again after a revocation',
      consents: [
        consent(MOBILE, { revokedAt: '2026-03-01T00:00:00Z' }),
        consent(MOBILE, { givenAt: '2026-04-01T00:00:00Z' }),
      ],
      contracts: undefined,
      expected: [],
    },
    {
      case: 'a revocation after the newest consent wins',
      consents: [
        consent(MOBILE, { givenAt: '2026-02-01T00:00:00Z', revokedAt: '2026-05-01T00:00:00Z' }),
        consent(MOBILE, { givenAt: '2026-01-01T00:00:00Z' }),
      ],
      contracts: undefined,
      expected: ['consent-revoked'],
    },
    { case: 'no consent but a contract in progress', consents: [], contracts: [contract()], expected: [] },
    {
      case: 'a contract that has ended',
      consents: [],
      contracts: [contract({ endsAt: '2026-05-31T00:00:00Z' })],
      expected: ['no-consent'],
    },
    {
      case: 'a contract does not override a revocation',
      consents: [consent(MOBILE, { revokedAt: '2026-03-01T00:00:00Z' })],
      contracts: [contract()],
      expected: ['consent-revoked'],
    },
  ])('$case -> $expected', ({ consents, contracts, expected }) => {
    const v = checkCall(FR_RULES, ctx(NOW, { consents, ...(contracts ? { contracts } : {}) }));
    expect(codes(v)).toEqual(expected);
    if (expected.length > 0 && !v.allowed) expect(v.nextLegal).toEqual({ status: 'not-by-waiting' });
  });

  it('consent-revoked carries when; no-consent the number and scope', () => {
    const revoked = checkCall(
      FR_RULES,
      ctx(NOW, { consents: [consent(MOBILE, { revokedAt: '2026-03-01T10:00:00Z' })] }),
    );
    expect(!revoked.allowed && revoked.reasons[0]).toEqual({
      code: 'consent-revoked',
      number: MOBILE,
      revokedAt: '2026-03-01T10:00:00.000Z',
    });
    const none = checkCall(FR_RULES, ctx(NOW, { consents: [] }));
    expect(!none.allowed && none.reasons[0]).toEqual({ code: 'no-consent', number: MOBILE, scope: 'number' });
  });

  it('scope "lead": a consent for any of the consumer’s numbers covers the call', () => {
    const rules = { ...FR_RULES, consent: { ...FR_RULES.consent, scope: 'lead' as const } };
    expect(checkCall(rules, ctx(NOW, { consents: [consent(HOME)] })).allowed).toBe(true);
  });
});

describe('refusal', () => {
  it('FR preset: a refusal blocks for good', () => {
    const v = checkCall(FR_RULES, ctx(NOW, { refusals: ['2025-01-10T10:00:00Z'] }));
    expect(!v.allowed && v.reasons).toEqual([{ code: 'refused', refusedAt: '2025-01-10T10:00:00.000Z' }]);
    expect(!v.allowed && v.nextLegal).toEqual({ status: 'not-by-waiting' });
  });

  it('a custom set can follow D.223-9 (60 days), then the next legal time is after them', () => {
    const rules = { ...FR_RULES, refusal: { blocks: true, forDays: 60 } };
    // Refused Monday 1 June 2026 at 11:00 Paris -> free Friday 31 July 11:00.
    const v = checkCall(rules, ctx(NOW, { refusals: ['2026-06-01T09:00:00Z'] }));
    expect(!v.allowed && v.reasons).toEqual([
      { code: 'refused', refusedAt: '2026-06-01T09:00:00.000Z', until: '2026-07-31T09:00:00.000Z' },
    ]);
    expect(!v.allowed && v.nextLegalAt?.toISOString()).toBe('2026-07-31T09:00:00.000Z');
    expect(checkCall(rules, ctx('2026-07-31T09:00:00Z', { refusals: ['2026-06-01T09:00:00Z'] })).allowed).toBe(true);
  });
});

describe('do-not-call lists', () => {
  const fresh = (numbers: string[]) => ({ numbers, asOf: '2026-06-01T00:00:00Z' });

  it.each([
    { case: 'internal list', o: { internalDnc: [MOBILE] }, expected: ['on-internal-dnc'] },
    { case: 'another number on the internal list', o: { internalDnc: [HOME] }, expected: [] },
    { case: 'national list (Bloctel copy given)', o: { national: fresh([MOBILE]) }, expected: ['on-national-dnc'] },
    { case: 'no national copy (FR: if provided)', o: {}, expected: [] },
    {
      case: 'national copy older than 31 days',
      o: { national: { numbers: [], asOf: '2026-05-01T00:00:00Z' } },
      expected: ['national-dnc-stale'],
    },
  ])('FR: $case -> $expected', ({ o, expected }) => {
    expect(codes(checkCall(FR_RULES, ctx(NOW, o)))).toEqual(expected);
  });

  const NY = '+12125550123';
  const usNow = '2026-06-10T16:00:00Z'; // noon in New York
  it.each([
    { case: 'registry copy missing', o: {}, expected: ['national-dnc-missing'] },
    { case: 'on the registry', o: { national: fresh([NY]) }, expected: ['on-national-dnc'] },
    { case: 'not on a fresh copy', o: { national: fresh([]) }, expected: [] },
    { case: 'on the company list', o: { national: fresh([]), internalDnc: [NY] }, expected: ['on-internal-dnc'] },
  ])('US: $case -> $expected', ({ o, expected }) => {
    expect(codes(checkCall(US_RULES, ctx(usNow, { number: NY, consents: [], ...o })))).toEqual(expected);
  });

  it('US: the registry does not apply to a French number', () => {
    expect(checkCall(US_RULES, ctx('2026-06-10T09:00:00Z', { consents: [] })).allowed).toBe(true);
  });

  it('every reason is listed, not the first only', () => {
    const v = checkCall(
      FR_RULES,
      ctx('2026-06-13T05:00:00Z', {
        consents: [],
        internalDnc: [MOBILE],
        refusals: ['2026-01-01T00:00:00Z'],
        attempts: ['2026-06-01T09:00:00Z', '2026-06-02T09:00:00Z', '2026-06-03T09:00:00Z', '2026-06-04T09:00:00Z'],
      }),
    );
    expect(codes(v)).toEqual(['no-consent', 'refused', 'on-internal-dnc', 'attempt-limit', 'weekend']);
  });

  it('a number that is not E.164 is refused as such', () => {
    const v = checkCall(openRules(), ctx(NOW, { number: '06 12 34 56 78' }));
    expect(!v.allowed && v.reasons).toEqual([{ code: 'invalid-number', number: '06 12 34 56 78' }]);
    expect(v.zoneSource).toBe('dealership-fallback');
  });
});

describe('voicemail drop', () => {
  it.each([
    { case: 'consent in force', consents: [consent()], allowed: true },
    { case: 'no consent', consents: [], allowed: false },
    { case: 'consent revoked', consents: [consent(MOBILE, { revokedAt: '2026-01-01T00:00:00Z' })], allowed: false },
  ])('FR: $case -> $allowed', ({ consents, allowed }) => {
    const v = checkVoicemailDrop(FR_RULES, ctx(NOW, { consents }));
    expect(v.allowed).toBe(allowed);
    if (!v.allowed) expect(v.reasons).toEqual([{ code: 'voicemail-needs-consent', number: MOBILE }]);
  });

  it('FR: a contract in progress allows the call but not the recorded message', () => {
    const c = ctx(NOW, { consents: [], contracts: [contract()] });
    expect(checkCall(FR_RULES, c).allowed).toBe(true);
    expect(checkVoicemailDrop(FR_RULES, c).allowed).toBe(false);
  });

  it('a set that does not require consent for it allows it', () => {
    const rules = openRules({ voicemailDrop: { requiresConsent: false } });
    expect(checkVoicemailDrop(rules, ctx(NOW, { consents: [] })).allowed).toBe(true);
  });
});
