import { describe, expect, it } from 'vitest';
import { checkCall, isCallableNow, type CallContext } from '../../../src/core/calling-rules';
import { preferredPhone } from '../../../src/core/leads/lead-facts';
import { generateSampleLeads } from '../../../src/core/leads/sample/generate-leads';
import { FR_RULES, US_RULES } from '../../../src/shared/domain/calling-rules';
import type { Lead } from '../../../src/shared/domain/lead';

// isCallableNow has its own short path for consent and attempts (no explanation, no allocation).
// Over sample leads with consents given, revoked and given again, contracts, refusals and 0-6
// attempts, at instants on both sides of every rule, it must answer exactly checkCall's `allowed`.

const DAY = 86_400_000;
const INSTANTS = [
  '2026-06-10T09:00:00.000Z', // Wednesday 11:00 in Paris
  '2026-06-10T11:30:00.000Z', // 13:30: the lunch break
  '2026-06-13T09:00:00.000Z', // Saturday
  '2026-07-14T09:00:00.000Z', // a public holiday
  '2026-06-11T17:59:59.999Z', // 19:59:59.999: the last instant of the window
];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}

function contexts(at: string): CallContext[] {
  const r = seeded(7);
  const now = new Date(at);
  const iso = (ms: number) => new Date(ms).toISOString();
  const internal = new Set<string>();
  const out: CallContext[] = [];
  for (const draft of generateSampleLeads(1500, { seed: 3, now: new Date('2026-06-01T10:00:00Z') })) {
    const number = preferredPhone(draft);
    if (!number) continue;
    const lead = { ...draft } as unknown as Lead;
    const roll = r();
    // Revoked (before or after now), revoked then given again, or given in the future.
    if (roll < 0.3 && lead.consents.length > 0) {
      const [first, ...rest] = lead.consents;
      const revokedAt = iso(now.getTime() + (r() < 0.5 ? -1 : 1) * Math.floor(r() * 20 * DAY));
      lead.consents = [{ ...first!, revokedAt }, ...rest];
      if (r() < 0.3) lead.consents.push({ ...first!, id: 'again', givenAt: iso(Date.parse(revokedAt) + DAY) });
    } else if (roll < 0.35) {
      lead.consents = [{ id: 'later', number, givenAt: iso(now.getTime() + DAY), channel: 'phone', wording: 'Oui' }];
    }
    if (r() < 0.02) internal.add(number);
    const attempts = Array.from(
      { length: Math.floor(r() * 7) },
      () => new Date(now.getTime() - Math.floor(r() * 40 * DAY)),
    );
    out.push({
      lead,
      number,
      attempts,
      now,
      doNotCall: { internal },
      dealershipZone: 'Europe/Paris',
      ...(r() < 0.05 ? { refusals: [new Date(now.getTime() - Math.floor(r() * 90 * DAY))] } : {}),
      ...(r() < 0.1 ? { contracts: [{ id: 'k', reference: 'BC-1', startedAt: '2026-01-15T00:00:00.000Z' }] } : {}),
    });
  }
  return out;
}

describe('isCallableNow answers as checkCall', () => {
  it.each(INSTANTS)('French and US presets at %s', (at) => {
    const list = contexts(at);
    for (const rules of [FR_RULES, US_RULES]) {
      let allowed = 0;
      for (const ctx of list) {
        const expected = checkCall(rules, ctx).allowed;
        expect(isCallableNow(rules, ctx), `${rules.id} ${ctx.number}`).toBe(expected);
        if (expected) allowed++;
      }
      // Both answers occur, else the comparison proves little.
      if (rules === FR_RULES && at === INSTANTS[0]) expect(allowed).toBeGreaterThan(100);
      if (at === INSTANTS[0]) expect(allowed).toBeLessThan(list.length);
    }
  });
});
