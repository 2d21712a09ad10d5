import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CallbackEntry } from '../../../src/shared/domain/callback-list';
import { settle } from './fakes';
import { holdNext, iso, journal, lead, MIN, setup, softphone, START } from './service-harness';

describe('callback lists', () => {
  it('builds a list from a saved filter, in calling order, with progress, and refreshes it', async () => {
    const s = await setup();
    const old = iso(START - 40 * 24 * 60 * MIN);
    const appt = await lead(s, 'Appt', '0611111111', { stage: 'appointment', lastContactAt: old });
    const cold = await lead(s, 'Cold', '0622222222', {
      stage: 'contacted',
      lastContactAt: iso(START - 60 * 24 * 60 * MIN),
    });
    const warm = await lead(s, 'Warm', '0633333333', { stage: 'contacted', lastContactAt: old });
    await lead(s, 'Recent', '0644444444', { stage: 'contacted', lastContactAt: iso(START - 60 * MIN) });
    await lead(s, 'Sold', '0655555555', { stage: 'sold', lastContactAt: old });
    await lead(s, 'New', '0666666666', { stage: 'new' });
    await s.h.service.setCallback({ id: warm.id, dueAt: iso(START + 60 * MIN), scope: 'anyone' });
    const filter = {
      query: { stages: ['appointment' as const, 'contacted' as const] },
      lastContactBefore: iso(START - 30 * 24 * 60 * MIN),
      excludeStages: ['sold' as const],
    };
    expect(await s.svc.countFilter(filter)).toBe(3);
    const summary = await s.svc.createList({ name: 'Avant la clôture', source: { kind: 'filter', filter } });
    expect(summary).toMatchObject({ name: 'Avant la clôture', scope: 'anyone', createdBy: 'Julie Vendeuse' });
    expect(summary.progress).toEqual({ total: 3, toCall: 3, calling: 0, done: 0, skipped: 0 });
    const page = await s.svc.list({ id: summary.id });
    // Callback due first, then the hotter stage, then the oldest contact.
    expect(page.items.map((r) => r.leadId)).toEqual([warm.id, appt.id, cold.id]);
    expect(page.items[0]).toMatchObject({
      name: 'Warm Test',
      phone: '+33633333333',
      stage: 'contacted',
      status: 'to-call',
    });

    const later = await lead(s, 'Later', '0677777777', { stage: 'appointment', lastContactAt: old });
    await s.h.service.setStage(cold.id, 'lost');
    const refreshed = await s.svc.refreshList(summary.id);
    expect(refreshed.progress.total).toBe(3);
    expect((await s.svc.list({ id: summary.id })).items.map((r) => r.leadId).sort()).toEqual(
      [warm.id, appt.id, later.id].sort(),
    );
    expect(s.svc.lists()).toHaveLength(1);
    expect(s.events.some((e) => e.name === 'callbackLists.changed')).toBe(true);
  });

  it('a refresh while the session picks never removes the entry being dialled', async () => {
    const s = await setup();
    const anne = await lead(s, 'Anne', '0611111111', { stage: 'contacted' });
    await lead(s, 'Bruno', '0622222222', { stage: 'contacted' });
    await s.h.service.setCallback({ id: anne.id, dueAt: iso(START), scope: 'anyone' }); // called first
    const filter = { query: { stages: ['contacted' as const] } };
    const list = await s.svc.createList({ name: 'Relances', source: { kind: 'filter', filter } });
    // Anne leaves the filter (the refresh drops her entry) and Chloé joins it (an entry to write).
    await s.h.service.setStage(anne.id, 'visited');
    await lead(s, 'Chloé', '0633333333', { stage: 'contacted' });
    const entries = await s.h.store.collection<CallbackEntry>('callback-entries');
    const release = holdNext(entries, 'putMany');
    const refreshing = s.svc.refreshList(list.id);
    // While Chloé's entry is written, a session picks a lead, claims its entry and dials it.
    await s.svc.start({ listId: list.id, mode: 'power' });
    await vi.waitFor(() => expect(s.placer.placed).toHaveLength(1));
    release();
    await refreshing;
    const items = (await s.svc.list({ id: list.id })).items;
    // The lead dialled still has its entry; Anne's went before the pick could claim it.
    expect(items.find((e) => e.leadId === s.placer.placed[0]!.leadId)).toMatchObject({ status: 'calling' });
    expect(s.placer.placed[0]!.leadId).not.toBe(anne.id);
    expect(items.map((e) => e.leadId)).not.toContain(anne.id);
    s.svc.stop();
  });

  it('a lead skipped for no consent is offered again once the consent is added, at a refresh and a session start', async () => {
    const s = await setup();
    const phone = softphone(s);
    // The rules as they stand for these leads: no consent recorded, no call, and waiting changes nothing.
    s.setRules((l, number) =>
      l.consents.some((c) => c.number === number && !c.revokedAt)
        ? { allowed: true }
        : { allowed: false, reasons: [{ code: 'no-consent' }] },
    );
    const anne = await lead(s, 'Anne', '0611111111', { stage: 'contacted' });
    const bruno = await lead(s, 'Bruno', '0622222222', { stage: 'contacted' });
    const chloe = await lead(s, 'Chloé', '0633333333');
    const consent = (number: string) => ({
      number,
      givenAt: iso(s.timers.now - 60 * MIN),
      channel: 'phone' as const,
      wording: 'J’accepte d’être rappelé',
    });
    const skipNotes = async (id: string) =>
      (await s.h.service.get(id)).timeline.filter((e) => e.kind === 'note' && e.text.startsWith('Appel non passé'))
        .length;
    const filter = await s.svc.createList({
      name: 'Relances',
      source: { kind: 'filter', filter: { query: { stages: ['contacted' as const] } } },
    });
    const entryOf = async (listId: string, leadId: string) =>
      (await s.svc.list({ id: listId })).items.find((r) => r.leadId === leadId)!;
    const worked = async (listId: string) => {
      await s.svc.start({ listId, mode: 'power' });
      await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    };

    await worked(filter.id);
    expect(s.placer.placed).toEqual([]);
    const firstSkip = (await entryOf(filter.id, bruno.id)).skip;
    expect(firstSkip).toMatchObject({ kind: 'forbidden', reasons: [{ code: 'no-consent' }] });
    expect(firstSkip?.nextLegalAt).toBeUndefined();

    // "Actualiser" after the consent is on Anne's record: she is to call again, Bruno still skipped.
    await s.h.service.addConsent(anne.id, consent('+33611111111'));
    s.timers.advance(MIN);
    await s.svc.refreshList(filter.id);
    expect(await entryOf(filter.id, anne.id)).toMatchObject({ status: 'to-call' });
    expect((await entryOf(filter.id, anne.id)).skip).toBeUndefined();
    expect(await entryOf(filter.id, bruno.id)).toMatchObject({ status: 'skipped', skip: firstSkip });

    // The next session dials Anne; Bruno, checked again at its start, is neither dialled nor noted again.
    await s.svc.start({ listId: filter.id, mode: 'power' });
    const c1 = await phone.started();
    expect(s.placer.placed.map((p) => p.leadId)).toEqual([anne.id]);
    await phone.ended(c1, 486);
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    await s.svc.refreshList(filter.id);
    await worked(filter.id);
    expect(s.placer.placed).toHaveLength(1);
    expect(await entryOf(filter.id, bruno.id)).toMatchObject({ status: 'skipped', skip: firstSkip });
    expect(await skipNotes(bruno.id)).toBe(1);

    // A list of chosen leads (no refresh): the session start alone offers Chloé again.
    const chosen = await s.svc.createList({ name: 'Choisis', source: { kind: 'selection', leadIds: [chloe.id] } });
    await worked(chosen.id);
    expect(await entryOf(chosen.id, chloe.id)).toMatchObject({ status: 'skipped' });
    await s.h.service.addConsent(chloe.id, consent('+33633333333'));
    await s.svc.start({ listId: chosen.id, mode: 'power' });
    await phone.started();
    expect(s.placer.placed.at(-1)).toMatchObject({ leadId: chloe.id, number: '+33633333333' });
  });

  it('refuses unknown leads, empty filters, refreshing a selection; deletes a list with its entries', async () => {
    const s = await setup();
    const a = await lead(s, 'A', '0611111111');
    await expect(
      s.svc.createList({ name: 'x', source: { kind: 'selection', leadIds: [a.id, 'missing'] } }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'source.leadIds.1', message: 'no lead missing' });
    await expect(
      s.svc.createList({ name: 'x', source: { kind: 'filter', filter: { query: { stages: ['sold'] } } } }),
    ).rejects.toMatchObject({ code: 'invalid-request', message: 'the filter selects no lead' });
    await expect(s.svc.createList({ name: ' ', source: { kind: 'selection', leadIds: [a.id] } })).rejects.toThrow();
    const list = await s.svc.createList({ name: 'Sélection', source: { kind: 'selection', leadIds: [a.id, a.id] } });
    expect(list.progress.total).toBe(1);
    await expect(s.svc.refreshList(list.id)).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await s.svc.deleteList(list.id)).toBe(true);
    expect(await s.svc.deleteList(list.id)).toBe(false);
    await expect(s.svc.list({ id: list.id })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('power dialer session', () => {
  it('works a list: automatic SIP outcomes, mandatory disposition, ring timeout, retries, stats, one record per call', async () => {
    const s = await setup({ wrapUpSeconds: 0 });
    const phone = softphone(s);
    const busy = await lead(s, 'Busy', '0611111111', { stage: 'appointment' });
    const talk = await lead(s, 'Talk', '0622222222', { stage: 'contacted' });
    const silent = await lead(s, 'Silent', '0633333333', { stage: 'new' });
    const list = await s.svc.createList({
      name: 'Semaine',
      source: { kind: 'selection', leadIds: [busy.id, talk.id, silent.id] },
    });
    await s.svc.start({ listId: list.id, mode: 'power' });

    // 1. Busy: set from SIP, the session goes on by itself.
    const c1 = await phone.started();
    expect(s.placer.placed[0]).toMatchObject({ leadId: busy.id, number: '+33611111111' });
    await phone.ended(c1, 486);

    // 2. Answered: the wrap-up waits for the seller, the next lead is already known and prepared.
    const c2 = await phone.started();
    expect(s.placer.placed[1]).toMatchObject({ leadId: talk.id });
    await phone.ringing(c2);
    s.timers.advance(5000);
    await phone.answered(c2);
    s.timers.advance(120_000);
    await phone.ended(c2, 200);
    await vi.waitFor(() =>
      expect(s.svc.view()).toMatchObject({ state: 'wrap-up', disposition: 'needed', next: { leadId: silent.id } }),
    );
    expect(s.placer.prepared.at(-1)).toEqual({ leadId: silent.id, number: '+33633333333' });
    expect(s.placer.placed).toHaveLength(2);
    expect(() => s.svc.callNow()).toThrow('"call-now" is not possible while the session is wrap-up');
    await expect(s.svc.saveOutcome({ disposition: 'callback-requested' })).rejects.toMatchObject({
      code: 'invalid-request',
      field: 'callback',
    });
    const callbackAt = iso(s.timers.now + 24 * 60 * MIN);
    const view = await s.svc.saveOutcome({
      disposition: 'appointment-set',
      note: 'Essai du Captur samedi',
      callback: { dueAt: callbackAt, scope: 'owner' },
    });
    expect(view).toMatchObject({ state: 'dialing', current: { leadId: silent.id } });

    // 3. Never answered: the ring timeout hangs up and records no answer.
    const c3 = await phone.started();
    await phone.ringing(c3);
    s.timers.advance(30_000);
    expect(s.placer.hangups).toEqual([{ dialerSessionId: s.svc.view().sessionId, callId: c3 }]);
    await phone.ended(c3, 487, 'local');
    await vi.waitFor(() => expect(s.svc.view().state).toBe('stopped'));
    expect(s.svc.view()).toMatchObject({
      stopReason: 'list-done',
      stats: { dialed: 3, connected: 1, contactRate: 1 / 3, appointments: 1, talkSeconds: 120 },
    });

    const records = await journal(s);
    expect(records.map((r) => [r.leadId, r.disposition ?? null])).toEqual([
      [busy.id, 'busy'],
      [talk.id, null],
      [silent.id, 'no-answer'],
    ]);
    const calls = await s.svc.listCalls({ dialerSessionId: view.sessionId! });
    expect(calls.items.map((r) => [r.leadName, r.disposition, r.dispositionBy, r.notes ?? null])).toEqual([
      ['Silent Test', 'no-answer', 'sip', null],
      ['Talk Test', 'appointment-set', 'seller', 'Essai du Captur samedi'],
      ['Busy Test', 'busy', 'sip', null],
    ]);

    await s.svc.settled();
    const page = await s.svc.list({ id: list.id });
    const entry = (id: string) => page.items.find((r) => r.leadId === id)!;
    expect(entry(busy.id)).toMatchObject({ status: 'to-call', attempts: 1, lastOutcome: 'busy' });
    expect(Date.parse(entry(busy.id).nextEligibleAt!) - Date.parse(records[0]!.endedAt!)).toBeLessThanOrEqual(10 * MIN);
    expect(entry(talk.id)).toMatchObject({
      status: 'to-call',
      lastOutcome: 'appointment-set',
      nextEligibleAt: callbackAt,
    });
    expect(entry(silent.id)).toMatchObject({ status: 'to-call', attempts: 1, lastOutcome: 'no-answer' });
    const talked = await s.h.service.get(talk.id);
    expect(talked.stage).toBe('appointment');
    expect(talked.callbacks).toMatchObject([{ dueAt: callbackAt, scope: 'owner', owner: 'Julie Vendeuse' }]);
  });

  it('never dials what the rules forbid or the do-not-call list holds, and writes why', async () => {
    const s = await setup();
    // Hot leads, so the list reaches them before the free one.
    const saturday = await lead(s, 'Samedi', '0611111111', { stage: 'appointment' });
    const listed = await lead(s, 'Opposé', '0622222222', { stage: 'appointment' });
    const fine = await lead(s, 'Libre', '0633333333');
    await s.svc.addDoNotCall('06 22 22 22 22');
    const monday = new Date('2026-03-16T09:00:00Z');
    s.setRules((l) =>
      l.id === saturday.id
        ? { allowed: false, reasons: [{ code: 'weekday', text: 'pas d’appel le samedi' }], nextLegalAt: monday }
        : { allowed: true },
    );
    const list = await s.svc.createList({
      name: 'Mixte',
      source: { kind: 'selection', leadIds: [saturday.id, listed.id, fine.id] },
    });
    await s.svc.start({ listId: list.id, mode: 'power' });
    await vi.waitFor(() => expect(s.placer.placed.map((p) => p.leadId)).toEqual([fine.id]));
    const page = await s.svc.list({ id: list.id });
    expect(page.items.find((r) => r.leadId === saturday.id)).toMatchObject({
      status: 'skipped',
      skip: { kind: 'forbidden', reasons: [{ code: 'weekday' }], nextLegalAt: monday.toISOString() },
    });
    expect(page.items.find((r) => r.leadId === listed.id)).toMatchObject({
      status: 'skipped',
      skip: { kind: 'do-not-call' },
    });
    expect((await s.h.service.get(saturday.id)).timeline.at(-1)).toMatchObject({
      kind: 'note',
      text: 'Appel non passé par la session d’appels : pas d’appel le samedi ; prochain créneau permis : lundi 16 mars 2026 à 10:00 (Europe/Paris).',
    });
    expect((await s.h.service.get(listed.id)).timeline.at(-1)).toMatchObject({
      kind: 'note',
      text: 'Appel non passé par la session d’appels : numéro sur la liste interne d’opposition.',
    });
    expect(page.list.progress).toMatchObject({ calling: 1, skipped: 2 });
  });

  it('a list the rules forbid right now ends the session saying when its leads can be called', async () => {
    const s = await setup();
    const ids = [(await lead(s, 'Anne', '0611111111')).id, (await lead(s, 'Bruno', '0622222222')).id];
    const morning = new Date('2026-03-11T09:00:00Z'); // 10:00 in Paris, tomorrow
    s.setRules(() => ({ allowed: false, reasons: [{ code: 'hours', text: 'hors horaires' }], nextLegalAt: morning }));
    const list = await s.svc.createList({ name: 'Soir', source: { kind: 'selection', leadIds: ids } });
    await s.svc.start({ listId: list.id, mode: 'power' });
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    expect(s.svc.view().comesBack).toEqual({ count: 2, at: morning.toISOString() });
    expect(s.placer.placed).toEqual([]);
    // Once they are back, they are offered again.
    s.timers.advance(morning.getTime() - s.timers.now);
    s.setRules(() => ({ allowed: true }));
    await s.svc.start({ listId: list.id, mode: 'power' });
    await vi.waitFor(() => expect(s.placer.placed).toHaveLength(1));
  });

  it('"do not call again" revokes the consent and lists the number at once; the lead is never dialled again', async () => {
    const s = await setup();
    const phone = softphone(s);
    const refuses = await lead(s, 'Refus', '0611111111', {
      consents: [
        {
          id: 'x',
          number: '+33611111111',
          givenAt: iso(START - 24 * 60 * MIN),
          channel: 'web-form',
          wording: 'J’accepte d’être rappelé',
        },
      ],
    });
    const list = await s.svc.createList({ name: 'A', source: { kind: 'selection', leadIds: [refuses.id] } });
    await s.svc.start({ listId: list.id, mode: 'power' });
    const c1 = await phone.started();
    await phone.answered(c1);
    await phone.ended(c1, 200);
    await vi.waitFor(() => expect(s.svc.view().state).toBe('wrap-up'));
    await s.svc.saveOutcome({ disposition: 'refused' });
    expect(s.svc.doNotCall()).toMatchObject([{ number: '+33611111111', reason: 'refused', leadId: refuses.id }]);
    const after = await s.h.service.get(refuses.id);
    expect(after.consents[0]!.revokedAt).toBeDefined();
    expect(after.timeline.some((e) => e.kind === 'consent-revoked')).toBe(true);
    expect((await s.svc.list({ id: list.id })).items[0]).toMatchObject({ status: 'done', lastOutcome: 'refused' });

    const again = await s.svc.createList({ name: 'B', source: { kind: 'selection', leadIds: [refuses.id] } });
    await s.svc.start({ listId: again.id, mode: 'power' });
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    expect(s.placer.placed).toHaveLength(1);
    expect((await s.svc.list({ id: again.id })).items[0]).toMatchObject({
      status: 'skipped',
      skip: { kind: 'do-not-call' },
    });
  });

  it('preview mode: countdown, skip, stop; owner-only entries of another seller are not offered', async () => {
    const s = await setup({ previewSeconds: 10, seller: 'Marc Vendeur' });
    const mine = await lead(s, 'Mine', '0611111111', { owner: 'Marc Vendeur' });
    const julies = await lead(s, 'Julie', '0622222222', { owner: 'Julie Vendeuse' });
    const shared = await lead(s, 'Shared', '0633333333', { owner: 'Julie Vendeuse' });
    await s.h.service.setCallback({ id: julies.id, dueAt: iso(START + MIN), scope: 'owner', owner: 'Julie Vendeuse' });
    const list = await s.svc.createList({
      name: 'Équipe',
      source: { kind: 'selection', leadIds: [mine.id, julies.id, shared.id] },
    });
    await s.svc.start({ listId: list.id, mode: 'preview' });
    await vi.waitFor(() => expect(s.svc.view().state).toBe('preview'));
    const first = s.svc.view();
    expect(first.countdownEndsAt).toBe(iso(s.timers.now + 10_000));
    const offered = [first.current!.leadId];
    s.svc.skip();
    await vi.waitFor(() => expect(s.svc.view().state).toBe('preview'));
    offered.push(s.svc.view().current!.leadId);
    expect([...offered].sort()).toEqual([mine.id, shared.id].sort());
    s.timers.advance(10_000);
    // The entry is noted on disk before the call leaves.
    await vi.waitFor(() => expect(s.placer.placed.map((p) => p.leadId)).toEqual([offered[1]]));
    await settle(); // the call id comes back from the softphone
    s.svc.stop();
    expect(s.placer.hangups).toEqual([{ dialerSessionId: first.sessionId, callId: 'c1' }]);
    const page = await s.svc.list({ id: list.id });
    expect(page.items.find((r) => r.leadId === offered[0])).toMatchObject({
      status: 'skipped',
      skip: { kind: 'seller' },
    });
    // The call had started: it counts as an attempt, and the lead goes back to the list.
    await vi.waitFor(async () =>
      expect((await s.svc.list({ id: list.id })).items.find((r) => r.leadId === offered[1])).toMatchObject({
        status: 'to-call',
        attempts: 1,
      }),
    );
    expect(page.items.find((r) => r.leadId === julies.id)).toMatchObject({ status: 'to-call', scope: 'owner' });
    expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'seller' });
  });

  it('the next lead follows the leads as they change during the session (a callback set on the last one)', async () => {
    const s = await setup({ previewSeconds: 10 });
    const ids = [
      (await lead(s, 'Anne', '0611111111')).id,
      (await lead(s, 'Bruno', '0622222222')).id,
      (await lead(s, 'Chloé', '0633333333')).id,
    ];
    const list = await s.svc.createList({ name: 'Ordre', source: { kind: 'selection', leadIds: ids } });
    await s.svc.start({ listId: list.id, mode: 'preview' });
    await vi.waitFor(() => expect(s.svc.view().state).toBe('preview'));
    const first = s.svc.view().current!.leadId;
    // Same contact history and time added: the other two come in lead id order, so `last` comes last...
    const [second, last] = ids.filter((id) => id !== first).sort();
    // ...unless a callback falls due on it.
    await s.h.service.setCallback({ id: last!, dueAt: iso(START + MIN), scope: 'anyone' });
    s.svc.skip();
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'preview', current: { leadId: last } }));
    s.svc.skip();
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'preview', current: { leadId: second } }));
    s.svc.stop();
  });

  it("a call's end written after its session stopped never lands in the next session", async () => {
    const s = await setup();
    const phone = softphone(s);
    const anne = await lead(s, 'Anne', '0611111111');
    const bruno = await lead(s, 'Bruno', '0622222222');
    const first = await s.svc.createList({ name: 'Un', source: { kind: 'selection', leadIds: [anne.id] } });
    const second = await s.svc.createList({ name: 'Deux', source: { kind: 'selection', leadIds: [bruno.id] } });
    await s.svc.start({ listId: first.id, mode: 'power' });
    const c1 = await phone.started();
    // The end of Anne's call is reported while her session runs, but its record is slow to reach disk...
    const release = holdNext(s.h.store.journal, 'append');
    const late = phone.ended(c1, 486);
    // ...and meanwhile the seller stops and starts another list, whose first call is being placed.
    s.svc.stop();
    await s.svc.start({ listId: second.id, mode: 'power' });
    await vi.waitFor(() => expect(s.placer.placed.map((p) => p.leadId)).toEqual([anne.id, bruno.id]));
    release();
    await late;
    await settle();
    // Anne's busy tone is hers: Bruno's call is still being placed, nothing is recorded for him.
    expect(s.svc.view()).toMatchObject({ state: 'dialing', current: { leadId: bruno.id } });
    expect(s.svc.view().stats).toMatchObject({ dialed: 0 });
    expect((await s.svc.list({ id: second.id })).items[0]).toMatchObject({ status: 'calling', attempts: 0 });
    expect((await journal(s)).map((r) => [r.leadId, r.disposition])).toEqual([[anne.id, 'busy']]);
  });

  it('refuses commands that make no sense now, with the reason', async () => {
    const s = await setup();
    expect(() => s.svc.pause()).toThrow('no dialer session is running');
    await expect(s.svc.saveOutcome({ disposition: 'answered' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(s.svc.start({ listId: 'nope', mode: 'power' })).rejects.toMatchObject({
      code: 'not-found',
      field: 'listId',
    });
  });
});

describe('two starts at once (two windows)', () => {
  it('starts one session: the other is refused, and the session on disk is the one that runs', async () => {
    const s = await setup({ previewSeconds: 10 });
    const l = await lead(s, 'Anne', '0611111111');
    const list = await s.svc.createList({ name: 'Rappels', source: { kind: 'selection', leadIds: [l.id] } });
    const results = await Promise.allSettled([
      s.svc.start({ listId: list.id, mode: 'preview' }),
      s.svc.start({ listId: list.id, mode: 'preview' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    await vi.waitFor(() => expect(s.svc.view().state).toBe('preview'));
    s.svc.stop();
    await settle();
    await s.h.store.flush();
    // Stopped before its first dial: nothing is left to offer as an interrupted session.
    const onDisk = JSON.parse(await readFile(path.join(s.h.dir, 'dialer-session.json'), 'utf8')) as { open: unknown };
    expect(onDisk.open).toBeNull();
  });
});

describe('calls outside a session', () => {
  it('records manual and inbound calls; the seller sets the disposition later', async () => {
    const s = await setup();
    const l = await lead(s, 'Manuel', '0611111111');
    const at = iso(START);
    await s.svc.report({
      type: 'started',
      callId: 'm1',
      at,
      direction: 'outbound',
      number: '+33611111111',
      leadId: l.id,
    });
    await s.svc.report({ type: 'answered', callId: 'm1', at: iso(START + 3000) });
    const { recordId } = await s.svc.report({
      type: 'ended',
      callId: 'm1',
      at: iso(START + 63_000),
      hangupSide: 'local',
      sipStatus: 200,
    });
    await s.svc.report({ type: 'started', callId: 'i1', at, direction: 'inbound', number: '+33198765432' });
    await s.svc.report({ type: 'ended', callId: 'i1', at: iso(START + 5000), hangupSide: 'remote', sipStatus: 487 });
    expect((await s.svc.listCalls({ undisposed: true })).total).toBe(2);
    expect(s.events.filter((e) => e.name === 'calls.changed')).toHaveLength(2);

    const row = await s.svc.setCallOutcome({ recordId: recordId!, disposition: 'sold', note: 'Signé' });
    expect(row).toMatchObject({
      disposition: 'sold',
      dispositionBy: 'seller',
      notes: 'Signé',
      leadName: 'Manuel Test',
      talkSeconds: 60,
    });
    expect((await s.h.service.get(l.id)).stage).toBe('sold');
    await expect(s.svc.setCallOutcome({ recordId: recordId!, disposition: 'nope' })).rejects.toMatchObject({
      code: 'invalid-request',
      field: 'disposition',
    });
    await expect(
      s.svc.setCallOutcome({ recordId: '01KKBFJYM0VD8691BG1XY5ZNXM', disposition: 'sold' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    // A voicemail drop logged late never replaces the seller's own disposition.
    await expect(
      s.svc.setCallOutcome({ recordId: recordId!, disposition: 'voicemail-left', unlessSellerChose: true }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'recordId' });
    expect((await s.svc.listCalls({ undisposed: false })).items.find((c) => c.id === recordId)).toMatchObject({
      disposition: 'sold',
      notes: 'Signé',
    });
    await expect(s.svc.addDoNotCall('12')).rejects.toMatchObject({ code: 'invalid-request', field: 'number' });
    expect(await s.svc.addDoNotCall('+33 6 11 11 11 11')).toMatchObject([{ number: '+33611111111', reason: 'manual' }]);
  });

  it('one outcome saved twice at once (two windows, a resent request) gives the lead one callback', async () => {
    const s = await setup();
    const l = await lead(s, 'Manuel', '0611111111');
    const number = '+33611111111';
    await s.svc.report({ type: 'started', callId: 'm1', at: iso(START), direction: 'outbound', number, leadId: l.id });
    await s.svc.report({ type: 'answered', callId: 'm1', at: iso(START + 3000) });
    const ended = {
      type: 'ended',
      callId: 'm1',
      at: iso(START + 63_000),
      hangupSide: 'local',
      sipStatus: 200,
    } as const;
    const { recordId } = await s.svc.report(ended);
    const input = {
      recordId: recordId!,
      disposition: 'callback-requested',
      callback: { dueAt: iso(START + 86_400_000), scope: 'owner' as const },
    };
    await Promise.all([s.svc.setCallOutcome(input), s.svc.setCallOutcome(input)]);
    const callbacks = (await s.h.service.get(l.id)).callbacks.filter((c) => c.status === 'pending');
    expect(callbacks).toHaveLength(1);
  });
});
