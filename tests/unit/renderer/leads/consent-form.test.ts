import { describe, expect, it } from 'vitest';
import { readConsentDate } from '../../../../src/renderer/leads/detail/consent-form';

// `datetime-local` values are local times; `now` is built the same way so the test runs in any zone.
const now = new Date(2026, 5, 1, 10, 0).getTime();

describe('consent date', () => {
  it('refuses a date after now, as typed in the form', () => {
    expect(readConsentDate('2027-01-10T09:00', now)).toEqual({ ok: false, problem: 'inFuture' });
    expect(readConsentDate('2026-06-01T10:06', now)).toEqual({ ok: false, problem: 'inFuture' });
  });

  it('accepts a past date, now, and a few minutes of clock skew', () => {
    expect(readConsentDate('2026-05-31T18:30', now)).toEqual({ ok: true, date: new Date(2026, 4, 31, 18, 30) });
    expect(readConsentDate('2026-06-01T10:00', now).ok).toBe(true);
    expect(readConsentDate('2026-06-01T10:05', now).ok).toBe(true);
  });

  it('refuses an empty or impossible date', () => {
    expect(readConsentDate('', now)).toEqual({ ok: false, problem: 'badDate' });
    expect(readConsentDate('2026-02-31T10:00', now)).toEqual({ ok: false, problem: 'badDate' });
  });
});
