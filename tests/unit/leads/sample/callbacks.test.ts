import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LeadSchema, type LeadDraft } from '../../../../src/shared/domain/lead';
import { dueWindow } from '../../../../src/core/leads/callback-due';
import { leadFromDraft } from '../../../../src/core/leads/draft';
import { sampleCallbacks, withSampleCallback, type SampleCallback } from '../../../../src/core/leads/sample/callbacks';
import { generateSampleLeads } from '../../../../src/core/leads/sample/generate-leads';

const zone = 'Europe/Paris';
// A Wednesday, 12:00 in Paris.
const now = new Date('2025-06-11T10:00:00.000Z');
const drafts = generateSampleLeads(5000, { seed: 42, now });
const callbacks = sampleCallbacks(drafts, { seed: 42, now });
const pairs = drafts.flatMap((draft, i) => (callbacks[i] ? [{ draft, callback: callbacks[i] }] : []));

const inWindow = (c: SampleCallback, due: 'overdue' | 'today' | 'week', at = now.getTime()) => {
  const w = dueWindow(due, at, zone);
  const t = Date.parse(c.dueAt);
  return t >= w.from && t < w.to;
};

/** What a seller would not believe: outside showroom hours, off the quarter hour, on a Sunday. */
function hoursProblem(c: SampleCallback): string | undefined {
  const local = DateTime.fromISO(c.dueAt, { zone });
  const minutes = local.hour * 60 + local.minute;
  const close = local.weekday === 6 ? 18 * 60 : 19 * 60;
  if (local.weekday === 7) return `${c.dueAt} is a Sunday`;
  if (minutes < 9 * 60 || minutes >= close) return `${c.dueAt} is outside showroom hours`;
  if (local.minute % 15 !== 0 || local.second !== 0) return `${c.dueAt} is not on the quarter hour`;
  return undefined;
}

describe('sampleCallbacks', () => {
  it('gives about one lead in eight a pending callback, none to sold or lost leads', () => {
    expect(callbacks).toHaveLength(drafts.length);
    const share = pairs.length / drafts.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.15);
    expect(pairs.every(({ callback }) => callback.status === 'pending')).toBe(true);
    expect(pairs.filter(({ draft }) => draft.stage === 'sold' || draft.stage === 'lost')).toEqual([]);
  });

  it('fills each "callback due" filter: overdue, later today, later this week', () => {
    const overdue = pairs.filter(({ callback }) => inWindow(callback, 'overdue'));
    const today = pairs.filter(({ callback }) => inWindow(callback, 'today') && !inWindow(callback, 'overdue'));
    const week = pairs.filter(({ callback }) => inWindow(callback, 'week') && !inWindow(callback, 'today'));
    expect(overdue.length / pairs.length).toBeGreaterThan(0.3);
    expect(today.length / pairs.length).toBeGreaterThan(0.15);
    expect(week.length / pairs.length).toBeGreaterThan(0.25);
    // Overdue by hours to a few days, not months.
    const oldest = Math.min(...overdue.map(({ callback }) => Date.parse(callback.dueAt)));
    expect(now.getTime() - oldest).toBeLessThan(6 * 86_400_000);
    expect(overdue.some(({ callback }) => now.getTime() - Date.parse(callback.dueAt) < 86_400_000)).toBe(true);
  });

  it('books callbacks on the quarter hour in showroom hours, set before they are due', () => {
    const problems = pairs.flatMap(({ draft, callback }) => {
      const found: string[] = [];
      const problem = hoursProblem(callback);
      if (problem) found.push(problem);
      const set = Date.parse(callback.createdAt);
      if (set > now.getTime()) found.push(`set in the future ${callback.createdAt}`);
      if (set < Date.parse(draft.createdAt!)) found.push(`set before the lead came in ${callback.createdAt}`);
      if (set > Date.parse(callback.dueAt)) found.push(`set after due ${callback.createdAt} > ${callback.dueAt}`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('gives owner-only callbacks to the lead’s owner and unassigned leads to anyone', () => {
    const owner = pairs.filter(({ callback }) => callback.scope === 'owner');
    expect(owner.length).toBeGreaterThan(pairs.length / 2);
    expect(owner.every(({ draft, callback }) => draft.owner !== undefined && callback.owner === draft.owner)).toBe(
      true,
    );
    const unassigned = pairs.filter(({ draft }) => draft.owner === undefined);
    expect(unassigned.length).toBeGreaterThan(0);
    expect(unassigned.every(({ callback }) => callback.scope === 'anyone' && callback.owner !== '')).toBe(true);
    expect(pairs.some(({ callback }) => callback.note !== undefined)).toBe(true);
  });

  it('stays in showroom hours whatever the time now: evenings, Saturdays, Sundays, before opening', () => {
    for (const at of [
      '2025-06-13T16:55:00.000Z', // Friday 18:55
      '2025-06-14T15:30:00.000Z', // Saturday 17:30
      '2025-06-15T10:00:00.000Z', // Sunday noon
      '2025-06-16T05:00:00.000Z', // Monday 7:00
      '2025-01-06T07:59:00.000Z', // Monday 8:59, winter time
    ]) {
      const when = new Date(at);
      const some = generateSampleLeads(1500, { seed: 5, now: when });
      const planned = sampleCallbacks(some, { seed: 5, now: when }).filter((c) => c !== undefined);
      expect(planned.length, at).toBeGreaterThan(100);
      expect(
        planned.flatMap((c) => hoursProblem(c) ?? []),
        at,
      ).toEqual([]);
      expect(
        planned.filter((c) => Date.parse(c.createdAt) > when.getTime()),
        at,
      ).toEqual([]);
      expect(
        planned.some((c) => Date.parse(c.dueAt) < when.getTime()),
        at,
      ).toBe(true);
      expect(
        planned.some((c) => Date.parse(c.dueAt) > when.getTime()),
        at,
      ).toBe(true);
    }
  });

  it('is deterministic by seed and leaves the generated leads as they were', () => {
    expect(sampleCallbacks(drafts.slice(0, 500), { seed: 42, now })).toEqual(callbacks.slice(0, 500));
    expect(sampleCallbacks(drafts.slice(0, 500), { seed: 43, now })).not.toEqual(callbacks.slice(0, 500));
    // Drawing callbacks does not touch the leads' own stream.
    expect(generateSampleLeads(5000, { seed: 42, now })).toEqual(drafts);
    expect(drafts.every((d: LeadDraft) => !('callbacks' in d))).toBe(true);
  });
});

describe('withSampleCallback', () => {
  it('adds the callback and its history line to a lead, which stays valid', () => {
    const { draft, callback } = pairs.find((p) => p.draft.notes && p.draft.notes.length > 0)!;
    let n = 0;
    const newId = () => `id-${++n}`;
    const lead = leadFromDraft(draft, { id: 'lead-1', at: now.toISOString(), via: 'sample', newId });
    const withCallback = withSampleCallback(lead, callback, newId);
    expect(LeadSchema.safeParse(withCallback).success).toBe(true);
    expect(withCallback.callbacks).toEqual([{ id: expect.any(String), ...callback }]);
    const entry = withCallback.timeline.find((e) => e.kind === 'callback-set');
    expect(entry).toMatchObject({
      kind: 'callback-set',
      callbackId: withCallback.callbacks[0]!.id,
      dueAt: callback.dueAt,
      at: callback.createdAt,
      author: callback.owner,
    });
    const times = withCallback.timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(lead.callbacks).toEqual([]);
  });
});
