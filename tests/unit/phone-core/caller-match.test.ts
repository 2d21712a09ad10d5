import { describe, expect, it } from 'vitest';
import { callerE164, matchCaller } from '../../../src/core/phone/caller-match';
import { draft, harness } from '../leads/helpers';

describe('caller ID to lead', () => {
  it.each([
    ['0612345678', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['33612345678', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['sip:0612345678@pbx.example', '+33612345678'],
    ['0478000000', '+33478000000'],
  ])('reads %s as %s', (raw, e164) => {
    expect(callerE164(raw, 'FR')).toBe(e164);
  });

  it.each(['anonymous', 'sip:alice@127.0.0.1', '12', ''])('finds no number in %s', (raw) => {
    expect(callerE164(raw, 'FR')).toBeUndefined();
  });

  it('matches any of a lead’s phones in any format, and only exact numbers', async () => {
    const h = await harness();
    const lefevre = await h.service.create(
      draft({ first: 'Élodie', last: 'Lefèvre', tel: ['04 78 00 00 00', '06 12 34 56 78'] }),
    );
    await h.service.create(draft({ first: 'Paul', last: 'Roy', tel: ['06 12 34 56 79'] }));

    expect(await matchCaller(h.service, '+33612345678', 'FR')).toEqual({
      id: lefevre.id,
      name: 'Élodie Lefèvre',
      others: 0,
    });
    expect((await matchCaller(h.service, '0478000000', 'FR'))?.id).toBe(lefevre.id);
    // A prefix of a known number is not that number.
    expect(await matchCaller(h.service, '061234567', 'FR')).toBeNull();
    expect(await matchCaller(h.service, '0699999999', 'FR')).toBeNull();
  });

  it('prefers the most recently contacted lead when a number is shared, and counts the others', async () => {
    const h = await harness();
    const tel = ['04 78 11 22 33'];
    await h.service.create(draft({ first: 'Anne', last: 'Martin', tel, lastContactAt: '2025-01-05T10:00:00Z' }));
    const bruno = await h.service.create(
      draft({ first: 'Bruno', last: 'Martin', tel, lastContactAt: '2025-03-01T10:00:00Z' }),
    );
    await h.service.create(draft({ first: 'Chloé', last: 'Martin', tel, lastContactAt: '2024-11-20T10:00:00Z' }));
    expect(await matchCaller(h.service, '+33478112233', 'FR')).toEqual({
      id: bruno.id,
      name: 'Bruno Martin',
      others: 2,
    });
  });
});
