// The app dies during a dialer session (nothing is closed) and starts again on the same data
// folder: no acknowledged outcome is lost, no lead is dialled twice, the session resumes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { planRecovery } from '../../../src/core/dialer/recovery';
import type { CallbackEntry } from '../../../src/shared/domain/callback-list';
import { journal, lead, MIN, setup, softphone, type Setup } from './service-harness';

const dataDir = () => mkdtempSync(join(tmpdir(), 'relance-crash-'));

/** The same data folder opened by a new process, at the time the old one died. */
const restart = (dir: string, before: Setup) => setup({ wrapUpSeconds: 0, dir, start: before.timers.now + MIN });

async function threeLeads(s: Setup) {
  const a = await lead(s, 'Anne', '0611111111');
  const b = await lead(s, 'Bruno', '0622222222');
  const c = await lead(s, 'Chloé', '0633333333');
  const list = await s.svc.createList({ name: 'Relances', source: { kind: 'selection', leadIds: [a.id, b.id, c.id] } });
  return { a, b, c, list };
}

/** A power session on three leads whose first call, answered and ended, waits for its disposition. */
async function firstCallInWrapUp(dir: string) {
  const s1 = await setup({ wrapUpSeconds: 0, dir });
  const { list } = await threeLeads(s1);
  const phone1 = softphone(s1);
  await s1.svc.start({ listId: list.id, mode: 'power' });
  const c1 = await phone1.started();
  const a = s1.placer.placed[0]!.leadId;
  await phone1.answered(c1);
  await phone1.ended(c1, 200);
  await vi.waitFor(() => expect(s1.svc.view()).toMatchObject({ state: 'wrap-up', disposition: 'needed' }));
  return { s1, list, phone1, a };
}

describe('dialer crash recovery', () => {
  it('a call in progress is logged as interrupted, waits for its disposition on resume, and the session goes on', async () => {
    const dir = dataDir();
    const { s1, list, phone1, a } = await firstCallInWrapUp(dir);
    await vi.waitFor(() => expect(s1.svc.view()).toMatchObject({ state: 'wrap-up', next: {} }));
    const b = s1.svc.view().next!;
    await s1.svc.saveOutcome({ disposition: 'answered' });
    const c2 = await phone1.started();
    await phone1.ringing(c2);
    await phone1.answered(c2);
    const sessionId = s1.svc.view().sessionId;
    // Crash: the process is gone, nothing more is written.

    const s2 = await restart(dir, s1);
    expect(s2.svc.view()).toMatchObject({
      state: 'interrupted',
      sessionId,
      current: { leadId: b.leadId, name: b.name, number: b.number },
      stats: { dialed: 2, connected: 2 },
    });
    const before = await journal(s2);
    expect(
      before.map((r) => [r.leadId, r.interrupted ?? false, r.answeredAt !== undefined, r.endedAt ?? null]),
    ).toEqual([
      [a, false, true, expect.any(String)],
      [b.leadId, true, true, null],
    ]);
    // The acknowledged outcome is there.
    expect((await s2.svc.listCalls({ leadId: a })).items[0]).toMatchObject({ disposition: 'answered' });

    s2.svc.resume();
    await vi.waitFor(() =>
      expect(s2.svc.view()).toMatchObject({
        state: 'wrap-up',
        disposition: 'needed',
        current: { leadId: b.leadId },
        next: {},
      }),
    );
    const c = s2.svc.view().next!.leadId;
    expect(new Set([a, b.leadId, c]).size).toBe(3);
    expect(s2.placer.placed).toEqual([]);
    await s2.svc.saveOutcome({
      disposition: 'callback-requested',
      callback: { dueAt: new Date(s2.timers.now + 60 * MIN).toISOString(), scope: 'owner' },
    });
    const phone2 = softphone(s2);
    const c3 = await phone2.started();
    await phone2.ended(c3, 486);
    await vi.waitFor(() => expect(s2.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    await s2.svc.settled();

    // Each lead was dialled once, across both runs; one record per call.
    const dialled = [...s1.placer.placed, ...s2.placer.placed].map((p) => p.leadId);
    expect(dialled).toEqual([a, b.leadId, c]);
    const records = await journal(s2);
    expect(records.map((r) => r.leadId)).toEqual([a, b.leadId, c]);
    expect(new Set(records.map((r) => r.id)).size).toBe(3);
    const page = await s2.svc.list({ id: list.id });
    expect(page.items.map((e) => [e.leadId, e.status, e.attempts, e.lastOutcome ?? null])).toEqual(
      expect.arrayContaining([
        [a, 'done', 1, 'answered'],
        [b.leadId, 'to-call', 1, 'callback-requested'],
        [c, 'to-call', 1, 'busy'],
      ]),
    );
    expect(s2.svc.view().stats).toMatchObject({ dialed: 3, connected: 2 });
  });

  it('a lead being dialled with no trace of its call is not dialled again: skipped, named, noted on its timeline', async () => {
    const dir = dataDir();
    const s1 = await setup({ wrapUpSeconds: 0, dir });
    const { list } = await threeLeads(s1);
    await s1.svc.start({ listId: list.id, mode: 'power' });
    // The softphone was asked to call, then the app died before it reported the call.
    await vi.waitFor(() => expect(s1.placer.placed).toHaveLength(1));
    const a = { id: s1.placer.placed[0]!.leadId };

    const s2 = await restart(dir, s1);
    expect(s2.svc.view()).toMatchObject({
      state: 'interrupted',
      uncertain: [{ leadId: a.id, number: s1.placer.placed[0]!.number }],
    });
    expect(s2.svc.view().current).toBeUndefined();
    const entry = (await s2.svc.list({ id: list.id })).items.find((e) => e.leadId === a.id);
    expect(entry).toMatchObject({ status: 'skipped', skip: { kind: 'interrupted' } });
    const note = (await s2.h.service.get(a.id)).timeline.at(-1);
    expect(note).toMatchObject({ kind: 'note' });
    expect(JSON.stringify(note)).toContain('l’application s’est arrêtée pendant la numérotation');

    s2.svc.resume();
    const phone2 = softphone(s2);
    const c1 = await phone2.started();
    await phone2.ended(c1, 486);
    const c2 = await phone2.started();
    await phone2.ended(c2, 486);
    await vi.waitFor(() => expect(s2.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    expect(s2.placer.placed.map((p) => p.leadId)).not.toContain(a.id);
  });

  it('a lead chosen but not yet dialled goes back to the list; a stopped session is not offered again', async () => {
    const dir = dataDir();
    const s1 = await setup({ wrapUpSeconds: 0, previewSeconds: 0, dir });
    const { list } = await threeLeads(s1);
    await s1.svc.start({ listId: list.id, mode: 'preview' });
    await vi.waitFor(() => expect(s1.svc.view()).toMatchObject({ state: 'preview' }));
    const a = { id: s1.svc.view().current!.leadId };

    const s2 = await restart(dir, s1);
    expect(s2.svc.view()).toMatchObject({ state: 'interrupted' });
    expect(s2.svc.view().uncertain).toBeUndefined();
    expect((await s2.svc.list({ id: list.id })).items.find((e) => e.leadId === a.id)).toMatchObject({
      status: 'to-call',
      attempts: 0,
    });
    await expect(s2.svc.start({ listId: list.id, mode: 'preview' })).rejects.toMatchObject({ code: 'conflict' });
    s2.svc.stop();
    await vi.waitFor(async () => {
      const s3 = await restart(dir, s2);
      expect(s3.svc.view().state).toBe('idle');
    });
  });

  it('a call ended without its disposition before the crash is the one wrapped up on resume', async () => {
    const dir = dataDir();
    const { s1, a } = await firstCallInWrapUp(dir);
    const recordId = s1.svc.view().recordId;

    const s2 = await restart(dir, s1);
    expect(s2.svc.view()).toMatchObject({ state: 'interrupted', recordId, current: { leadId: a } });
    expect((await journal(s2)).every((r) => !r.interrupted)).toBe(true);
    s2.svc.resume();
    await vi.waitFor(() => expect(s2.svc.view()).toMatchObject({ state: 'wrap-up', recordId }));
  });

  it('a callback given with the disposition survives a crash before it reached the lead', async () => {
    const dir = dataDir();
    const { s1, list, a } = await firstCallInWrapUp(dir);
    // The disposition is on disk first, then the lead and the entry are brought up to date, then
    // the seller is answered. The app dies in between: the callback never reaches the lead here,
    // and the seller never hears back.
    vi.spyOn(s1.h.service, 'setCallback').mockImplementation(() => new Promise(() => undefined));
    const dueAt = new Date(s1.timers.now + 120 * MIN).toISOString();
    void s1.svc.saveOutcome({ disposition: 'callback-requested', callback: { dueAt, scope: 'owner' } });
    await vi.waitFor(() => expect(s1.h.service.setCallback).toHaveBeenCalled());

    const s2 = await restart(dir, s1);
    // The call shows the disposition given: the rest of it must follow.
    expect((await s2.svc.listCalls({ leadId: a })).items[0]).toMatchObject({ disposition: 'callback-requested' });
    const callbacks = (await s2.h.service.get(a)).callbacks ?? [];
    expect(callbacks).toMatchObject([{ dueAt, scope: 'owner', status: 'pending' }]);
    const entry = (await s2.svc.list({ id: list.id })).items.find((e) => e.leadId === a);
    expect(entry).toMatchObject({ status: 'to-call', lastOutcome: 'callback-requested', nextEligibleAt: dueAt });
  });
});

describe('planRecovery', () => {
  const entry = (leadId: string, over: Partial<CallbackEntry> = {}): CallbackEntry => ({
    id: `L~${leadId}`,
    listId: 'L',
    leadId,
    priority: 0,
    scope: 'anyone',
    status: 'calling',
    attempts: 0,
    sessionId: 'S',
    addedAt: '2026-03-10T08:00:00.000Z',
    ...over,
  });
  const call = (id: string, leadId: string, startedAt: string, disposition?: string) => ({
    id,
    leadId,
    number: '+33611111111',
    startedAt,
    ...(disposition ? { disposition } : {}),
  });

  it('sorts each held entry: known outcome re-applied, undisposed call waits, dialling without trace is uncertain, the rest goes back', () => {
    const plan = planRecovery({
      held: [entry('a'), entry('b'), entry('c'), entry('d')],
      calls: [call('R1', 'a', '2026-03-10T09:00:00Z', 'busy'), call('R2', 'b', '2026-03-10T09:05:00Z')],
      dialing: { entryId: 'L~c' },
    });
    expect(plan.reapply.map((r) => [r.entry.leadId, r.disposition])).toEqual([['a', 'busy']]);
    expect(plan.pending?.call.id).toBe('R2');
    expect(plan.uncertain.map((e) => e.leadId)).toEqual(['c']);
    expect(plan.release.map((r) => [r.entry.leadId, r.attempted])).toEqual([['d', false]]);
  });

  it('ignores a call whose outcome the entry already has (an earlier attempt in the same session)', () => {
    const plan = planRecovery({
      held: [entry('a', { lastCallAt: '2026-03-10T09:00:00Z', lastRecordId: 'R1' })],
      calls: [call('R1', 'a', '2026-03-10T09:00:00Z', 'busy')],
    });
    expect(plan.reapply).toEqual([]);
    expect(plan.release.map((r) => [r.entry.leadId, r.attempted])).toEqual([['a', false]]);
  });

  it('with two undisposed calls, the newest waits and the other goes back as attempted', () => {
    const plan = planRecovery({
      held: [entry('a'), entry('b')],
      calls: [call('R1', 'a', '2026-03-10T09:00:00Z'), call('R2', 'b', '2026-03-10T09:10:00Z')],
    });
    expect(plan.pending?.entry.leadId).toBe('b');
    expect(plan.release.map((r) => [r.entry.leadId, r.attempted])).toEqual([['a', true]]);
  });
});
