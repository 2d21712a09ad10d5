import { describe, expect, it } from 'vitest';
import { recentAttempts } from '../../../src/core/calls/recent-attempts';
import type { CallRecord } from '../../../src/shared/domain/call-record';

const record = (leadId: string | undefined, startedAt: string): CallRecord => ({
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  v: 1,
  ...(leadId ? { leadId } : {}),
  number: '+33612345678',
  direction: 'outbound',
  startedAt,
});

describe('recent attempts per lead', () => {
  it('keeps the latest starts per lead in time order, bounded, and survives a checkpoint', () => {
    const attempts = recentAttempts(3);
    attempts.apply(record('a', '2025-03-10T09:00:00Z'));
    attempts.apply(record('a', '2025-03-12T09:00:00Z'));
    attempts.apply(record('a', '2025-03-11T09:00:00Z')); // late arrival
    attempts.apply(record('a', '2025-03-13T09:00:00Z'));
    attempts.apply(record('b', '2025-03-10T10:00:00Z'));
    attempts.apply(record(undefined, '2025-03-10T11:00:00Z'));
    expect(attempts.of('a').map((d) => d.toISOString())).toEqual([
      '2025-03-11T09:00:00.000Z',
      '2025-03-12T09:00:00.000Z',
      '2025-03-13T09:00:00.000Z',
    ]);
    expect(attempts.of('nobody')).toEqual([]);

    const restored = recentAttempts(3);
    restored.restore(JSON.parse(JSON.stringify(attempts.snapshot())));
    expect(restored.of('a')).toEqual(attempts.of('a'));
    expect(restored.of('b').map((d) => d.toISOString())).toEqual(['2025-03-10T10:00:00.000Z']);
  });

  it('joins the starts of several leads (a lead and those merged into it), bounded, oldest first', () => {
    const attempts = recentAttempts(3);
    attempts.apply(record('kept', '2025-03-10T09:00:00Z'));
    attempts.apply(record('merged', '2025-03-09T09:00:00Z'));
    attempts.apply(record('merged', '2025-03-12T09:00:00Z'));
    attempts.apply(record('kept', '2025-03-11T09:00:00Z'));
    expect(attempts.of(['kept', 'merged']).map((d) => d.toISOString())).toEqual([
      '2025-03-10T09:00:00.000Z',
      '2025-03-11T09:00:00.000Z',
      '2025-03-12T09:00:00.000Z',
    ]);
    expect(attempts.of(['kept'])).toEqual(attempts.of('kept'));
  });
});
