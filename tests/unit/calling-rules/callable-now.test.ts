import { describe, expect, it } from 'vitest';
import { checkCall, isCallableNow } from '../../../src/core/calling-rules';
import { yearOfEpochDay } from '../../../src/core/calling-rules/engine';
import { preferredPhone } from '../../../src/core/leads/lead-facts';
import { generateSampleLeads } from '../../../src/core/leads/sample/generate-leads';
import { FR_RULES, US_RULES } from '../../../src/shared/domain/calling-rules';
import { ctx } from './helpers';

describe('isCallableNow (the list’s fast answer) agrees with checkCall', () => {
  const drafts = generateSampleLeads(300, { seed: 3, now: new Date('2026-06-01T10:00:00Z') });
  const instants = [
    '2026-06-10T09:00:00Z', // Wednesday 11:00 Paris
    '2026-06-10T11:30:00Z', // lunch break
    '2026-06-13T09:00:00Z', // Saturday
    '2026-05-14T09:00:00Z', // Ascension
    '2026-03-29T09:00:00Z', // the spring change (Sunday)
    '2026-03-30T08:00:00Z', // Monday after it, 10:00 CEST
    '2026-10-26T08:30:00Z', // Monday after the autumn change, 09:30 CET
  ];

  it.each(instants)('at %s, for 300 sample leads with attempts, lists and refusals', (now) => {
    let allowed = 0;
    drafts.forEach((d, i) => {
      const number = preferredPhone(d);
      if (!number) return;
      const c = ctx(now, {
        number,
        consents: d.consents,
        ...(d.contact.address ? { address: d.contact.address } : {}),
        attempts: Array.from({ length: i % 6 }, (_, k) => new Date(Date.parse(now) - (k * 7 + (i % 5)) * 86_400_000)),
        ...(i % 17 === 0 ? { refusals: ['2026-01-01T00:00:00Z'] } : {}),
        ...(i % 13 === 0 ? { internalDnc: [number] } : {}),
      });
      for (const rules of [FR_RULES, US_RULES]) {
        const full = checkCall(rules, c).allowed;
        expect(isCallableNow(rules, c)).toBe(full);
        if (full) allowed++;
      }
    });
    // The table is not all one answer (else it would prove little), except on closed days.
    if (now === '2026-06-10T09:00:00Z') expect(allowed).toBeGreaterThan(50);
  });
});

describe('year of a day count', () => {
  it.each([-719_468, -1, 0, 365, 11_016, 20_454, 20_819, 47_541, 2_932_896])('day %i', (day) => {
    expect(yearOfEpochDay(day)).toBe(new Date(day * 86_400_000).getUTCFullYear());
  });
});
