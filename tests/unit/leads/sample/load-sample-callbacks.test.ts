import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../../src/shared/domain/lead';
import { harness } from '../helpers';

describe('loadSample', () => {
  it('gives about one sample lead in eight a pending callback that the "callback due" filters find, once', async () => {
    const h = await harness();
    await h.service.loadSample(200);
    const leads = (due?: 'overdue' | 'today' | 'week'): Lead[] =>
      h.service.query({
        text: '',
        sort: 'name',
        direction: 'asc',
        ...(due ? { callbackDue: due } : {}),
      });
    const pending = leads().filter((l) => l.callbacks.some((c) => c.status === 'pending'));
    expect(pending.length).toBeGreaterThan(200 * 0.08);
    expect(pending.length).toBeLessThan(200 * 0.18);
    expect(leads('overdue').length).toBeGreaterThan(0);
    expect(leads('week').length).toBeGreaterThan(0);
    expect(pending.every((l) => l.timeline.some((e) => e.kind === 'callback-set'))).toBe(true);

    const count = () => leads().reduce((n, l) => n + l.callbacks.length, 0);
    const before = count();
    await h.service.loadSample(200); // the same leads again: merged unchanged, no second callback
    expect(count()).toBe(before);
  });
});
