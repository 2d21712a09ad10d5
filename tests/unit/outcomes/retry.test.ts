import { describe, expect, it } from 'vitest';
import { entryAfterOutcome, retryPlan } from '../../../src/core/outcomes/retry';
import type { CallbackEntry } from '../../../src/shared/domain/callback-list';
import { defaultDispositions } from '../../../src/shared/domain/disposition';

const T = Date.parse('2026-03-10T09:00:00Z');
const MIN = 60_000;
const noAnswer = { afterMinutes: 120, maxAttempts: 3 };
const busy = { afterMinutes: 10, maxAttempts: 3 };

describe('retry rules', () => {
  it.each([
    ['no answer, 1st attempt', noAnswer, 1, { kind: 'retry', at: T + 120 * MIN }],
    ['no answer, 2nd attempt', noAnswer, 2, { kind: 'retry', at: T + 120 * MIN }],
    ['no answer, 3rd attempt: at most 3', noAnswer, 3, { kind: 'done', why: 'max-attempts' }],
    ['no answer, beyond the cap', noAnswer, 7, { kind: 'done', why: 'max-attempts' }],
    ['busy, 1st attempt', busy, 1, { kind: 'retry', at: T + 10 * MIN }],
    ['busy, 3rd attempt', busy, 3, { kind: 'done', why: 'max-attempts' }],
    ['no retry rule (sold, wrong number)', null, 1, { kind: 'done', why: 'no-retry' }],
    ['one attempt only', { afterMinutes: 5, maxAttempts: 1 }, 1, { kind: 'done', why: 'max-attempts' }],
  ] as const)('%s', (_name, rule, attempts, expected) => {
    expect(retryPlan(rule, attempts, T)).toEqual(expected);
  });
});

const entry = (over: Partial<CallbackEntry> = {}): CallbackEntry => ({
  id: 'L~a',
  listId: 'L',
  leadId: 'a',
  priority: 0,
  scope: 'anyone',
  status: 'calling',
  attempts: 0,
  sessionId: 'S1',
  addedAt: '2026-03-01T09:00:00.000Z',
  ...over,
});
const disp = (id: string) => defaultDispositions.find((d) => d.id === id)!;
const outcome = (id: string, extra: { recordId?: string; callbackAt?: number } = {}) => ({
  disposition: disp(id),
  recordId: extra.recordId ?? 'R1',
  callAt: '2026-03-10T08:59:00.000Z',
  at: T,
  callbackAt: extra.callbackAt,
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('list entry after an outcome', () => {
  it.each([
    [
      'no answer: back in 2 h',
      entry(),
      outcome('no-answer'),
      { status: 'to-call', attempts: 1, nextEligibleAt: iso(T + 120 * MIN) },
    ],
    [
      'busy: back in 10 min',
      entry(),
      outcome('busy'),
      { status: 'to-call', attempts: 1, nextEligibleAt: iso(T + 10 * MIN) },
    ],
    ['third no answer: done', entry({ attempts: 2 }), outcome('no-answer'), { status: 'done', attempts: 3 }],
    ['appointment set: done', entry(), outcome('appointment-set'), { status: 'done', attempts: 1 }],
    ['refused: done, whatever else', entry(), outcome('refused', { callbackAt: T + 1000 }), { status: 'done' }],
    [
      'callback asked: back at the callback, over the retry rule',
      entry(),
      outcome('answered', { callbackAt: T + 86_400_000 }),
      { status: 'to-call', nextEligibleAt: iso(T + 86_400_000) },
    ],
    [
      'a callback past the attempt cap still brings it back',
      entry({ attempts: 5 }),
      outcome('no-answer', { callbackAt: T + 3_600_000 }),
      { status: 'to-call', attempts: 6 },
    ],
  ] as const)('%s', (_name, before, o, expected) => {
    const after = entryAfterOutcome(before, o);
    expect(after).toMatchObject({
      ...expected,
      lastOutcome: o.disposition.id,
      lastRecordId: 'R1',
      lastCallAt: o.callAt,
    });
    expect(after).not.toHaveProperty('sessionId');
    if (expected.status === 'done') expect(after).not.toHaveProperty('nextEligibleAt');
  });

  it('applying the same call twice counts it once', () => {
    const once = entryAfterOutcome(entry(), outcome('no-answer'));
    expect(entryAfterOutcome(once, outcome('no-answer'))).toBe(once);
    expect(entryAfterOutcome(once, outcome('no-answer', { recordId: 'R2' })).attempts).toBe(2);
  });

  it('clears an old skip reason', () => {
    const skipped = entry({ status: 'skipped', skip: { kind: 'forbidden', reasons: [], at: iso(T) } });
    expect(entryAfterOutcome(skipped, outcome('busy'))).not.toHaveProperty('skip');
  });
});
