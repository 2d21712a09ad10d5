import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/result';
import type { LeadDraft } from '../../../src/shared/domain/lead';
import type { LeadPage } from '../../../src/shared/domain/lead-query';
import { generateSampleLeads } from '../../../src/core/leads/sample/generate-leads';
import { draft, harness, phone } from './helpers';

const search = (h: Awaited<ReturnType<typeof harness>>, text: string) =>
  h.service
    .search({ text, offset: 0, limit: 100, sort: 'name', direction: 'asc' })
    .then((p) => p.items.map((i) => i.name));

describe('lead service (real store)', () => {
  it('creates a lead with a created entry and the current seller as owner, persisted', async () => {
    const h = await harness();
    const lead = await h.service.create(draft({ first: 'Élodie', last: 'Martin', tel: ['06 12 34 56 78'] }));
    expect(lead.timeline).toMatchObject([{ kind: 'created', via: 'manual', author: 'Julie Vendeuse' }]);
    expect(lead.owner).toBe('Julie Vendeuse');
    expect(h.events).toEqual([[lead.id]]);
    const again = await h.reopen();
    expect(await again.service.get(lead.id)).toEqual(lead);
    expect(await search(again, 'elodie')).toEqual(['Élodie Martin']);
  });

  it('refuses invalid data with the field, and unknown ids with not-found', async () => {
    const h = await harness();
    const bad = draft({ first: 'X'.repeat(101) });
    await expect(h.service.create(bad)).rejects.toMatchObject({
      code: 'invalid-request',
      field: 'draft.contact.firstName',
    });
    await expect(h.service.get('nope')).rejects.toMatchObject({ code: 'not-found', field: 'id' });
    await expect(h.service.setStage('nope', 'sold')).rejects.toBeInstanceOf(AppFailure);
    expect(h.events).toEqual([]);
  });

  it('edits, logs stage changes, notes, callbacks and consents on the timeline', async () => {
    const h = await harness();
    const { id } = await h.service.create(draft({ first: 'Marc', tel: ['0612345678'] }));
    h.clock.now += 60_000;
    const edited = await h.service.update(id, {
      contact: { kind: 'individual', firstName: 'Marc', lastName: 'Dupont', phones: [phone('0612345678')] },
      tags: ['vip', 'vip'],
    });
    expect(edited.timeline.at(-1)).toMatchObject({ kind: 'edited', fields: ['contact.lastName', 'tags'] });
    expect(edited.tags).toEqual(['vip']);
    const same = await h.service.update(id, { tags: ['vip'] });
    expect(same.timeline).toHaveLength(edited.timeline.length); // nothing changed, nothing logged

    const staged = await h.service.setStage(id, 'appointment');
    expect(staged.timeline.at(-1)).toMatchObject({ kind: 'stage', from: 'new', to: 'appointment' });
    const noted = await h.service.addNote(id, 'Veut un essai samedi');
    expect(noted.timeline.at(-1)).toMatchObject({
      kind: 'note',
      text: 'Veut un essai samedi',
      author: 'Julie Vendeuse',
    });

    const withCb = await h.service.setCallback({ id, dueAt: '2025-03-11T08:00:00Z', scope: 'owner' });
    const cb = withCb.callbacks[0]!;
    expect(cb).toMatchObject({ owner: 'Julie Vendeuse', status: 'pending', dueAt: '2025-03-11T08:00:00.000Z' });
    const snoozed = await h.service.snoozeCallback(id, cb.id, '2025-03-12T08:00:00Z');
    expect(snoozed.callbacks[0]!.dueAt).toBe('2025-03-12T08:00:00.000Z');
    expect(snoozed.timeline.at(-1)).toMatchObject({ kind: 'callback-snoozed', callbackId: cb.id });
    // The same time again (a second click, another window) records nothing.
    const again = await h.service.snoozeCallback(id, cb.id, '2025-03-12T08:00:00.000Z');
    expect(again.timeline).toHaveLength(snoozed.timeline.length);
    const done = await h.service.completeCallback(id, cb.id);
    expect(done.callbacks[0]).toMatchObject({ status: 'done', doneAt: new Date(h.clock.now).toISOString() });
    await expect(h.service.snoozeCallback(id, cb.id, '2025-03-13T08:00:00Z')).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(h.service.completeCallback(id, 'nope')).rejects.toMatchObject({
      code: 'not-found',
      field: 'callbackId',
    });

    const consented = await h.service.addConsent(id, {
      number: '+33612345678',
      givenAt: '2025-03-10T09:00:00Z',
      channel: 'phone',
      wording: 'Accepte d’être rappelé',
    });
    await expect(
      h.service.addConsent(id, {
        number: '+33700000000',
        givenAt: '2025-03-10T09:00:00Z',
        channel: 'phone',
        wording: 'x',
      }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'consent.number' });
    const revoked = await h.service.revokeConsent(id, consented.consents[0]!.id);
    expect(revoked.consents[0]!.revokedAt).toBeDefined();
    expect(revoked.timeline.map((e) => e.kind)).toEqual([
      'created',
      'edited',
      'stage',
      'note',
      'callback-set',
      'callback-snoozed',
      'callback-done',
      'consent-given',
      'consent-revoked',
    ]);
    const reopened = await h.reopen();
    expect(await reopened.service.get(id)).toEqual(revoked);
  });

  it('refuses a consent dated in the future, beyond a few minutes of clock skew', async () => {
    const h = await harness(undefined, Date.parse('2026-06-01T10:00:00Z'));
    const { id } = await h.service.create(draft({ first: 'Marc', tel: ['0612345678'] }));
    const consent = (givenAt: string) => ({
      number: '+33612345678',
      givenAt,
      channel: 'phone' as const,
      wording: 'Accepte d’être rappelé',
    });
    const events = h.events.length;
    await expect(h.service.addConsent(id, consent('2027-01-10T09:00:00Z'))).rejects.toMatchObject({
      code: 'invalid-request',
      field: 'consent.givenAt',
      message: 'the consent cannot be dated in the future',
    });
    await expect(h.service.addConsent(id, consent('2026-06-01T10:06:00Z'))).rejects.toMatchObject({
      field: 'consent.givenAt',
    });
    expect((await h.service.get(id)).consents).toEqual([]);
    expect(h.events).toHaveLength(events);

    // A machine a few minutes fast, or the consent just given: accepted.
    const skewed = await h.service.addConsent(id, consent('2026-06-01T10:04:00Z'));
    expect(skewed.consents.map((c) => c.givenAt)).toEqual(['2026-06-01T10:04:00Z']);
    h.clock.now = Date.parse('2027-01-10T09:00:00Z');
    const later = await h.service.addConsent(id, consent('2027-01-10T09:00:00Z'));
    expect(later.consents).toHaveLength(2);
  });

  it('merges two leads: the other is gone, search finds the merged one by both numbers', async () => {
    const h = await harness();
    const keep = await h.service.create(draft({ first: 'Élodie', last: 'Martin', tel: ['0612345678'], tags: ['a'] }));
    const other = await h.service.create(
      draft({ first: 'Elodie', last: 'Martin-Roy', tel: ['0478000000'], tags: ['b'] }),
    );
    await h.service.addNote(other.id, 'note of the other');
    const merged = await h.service.merge(keep.id, other.id);
    expect(merged.tags).toEqual(['a', 'b']);
    expect(merged.timeline.at(-1)).toMatchObject({ kind: 'merged', mergedLeadId: other.id });
    expect(merged.timeline.some((e) => e.kind === 'note' && e.text === 'note of the other')).toBe(true);
    await expect(h.service.get(other.id)).rejects.toMatchObject({ code: 'not-found' });
    // The more complete name, with the accent the other wrote (see lead-merge.ts).
    expect(await search(h, '0478')).toEqual(['Élodie Martin-Roy']);
    expect(await search(h, '0612')).toEqual(['Élodie Martin-Roy']);
    expect((await h.service.facets()).total).toBe(1);
    await expect(h.service.merge(keep.id, keep.id)).rejects.toMatchObject({ field: 'otherId' });
    const reopened = await h.reopen();
    expect((await reopened.service.facets()).total).toBe(1);
  });

  it('deletes with an undo that restores the exact lead, once, within ten minutes', async () => {
    const h = await harness();
    const lead = await h.service.create(draft({ first: 'Zoé', tel: ['0612345678'] }));
    const { undoToken, expiresAt } = await h.service.delete(lead.id);
    expect(Date.parse(expiresAt) - h.clock.now).toBe(10 * 60_000);
    expect(await search(h, 'zoe')).toEqual([]);
    expect(await h.service.undoDelete(undoToken)).toEqual(lead);
    expect(await search(h, 'zoe')).toEqual(['Zoé']);
    await expect(h.service.undoDelete(undoToken)).rejects.toMatchObject({ code: 'not-found', field: 'undoToken' });

    const second = await h.service.delete(lead.id);
    h.clock.now += 10 * 60_000 + 1;
    await expect(h.service.undoDelete(second.undoToken)).rejects.toMatchObject({ code: 'not-found' });
    const reopened = await h.reopen();
    expect((await reopened.service.facets()).total).toBe(0);
  });

  it('emits leads.changed for every write', async () => {
    const h = await harness();
    const a = await h.service.create(draft({ first: 'A' }));
    const b = await h.service.create(draft({ first: 'B' }));
    await h.service.setStage(a.id, 'sold');
    await h.service.merge(a.id, b.id);
    expect(h.events).toEqual([[a.id], [b.id], [a.id], [a.id, b.id]]);
  });
});

describe('importDrafts', () => {
  const item = (d: LeadDraft, line: number) => ({ draft: d, line });
  const opts = { dryRun: false, fileName: 'leads.csv', via: 'import' as const };

  it('merges the same number typed three ways into one lead, within the batch', async () => {
    const h = await harness();
    const counts = await h.service.importDrafts(
      [
        item(draft({ first: 'Élodie', tel: ['06 12 34 56 78'] }), 2),
        item(draft({ last: 'Martin', tel: ['+33 6 12 34 56 78'] }), 3),
        item(draft({ tel: ['0033612345678'], tags: ['salon'] }), 4),
      ],
      opts,
    );
    expect(counts).toEqual({ imported: 1, merged: 2, unchanged: 0, rejected: [] });
    const page = await h.service.search({ text: '', offset: 0, limit: 10, sort: 'name', direction: 'asc' });
    expect(page.items).toMatchObject([{ name: 'Élodie Martin', tags: ['salon'] }]);
    expect(h.events).toHaveLength(1);
  });

  it('merges the same email in another case, against the store', async () => {
    const h = await harness();
    await h.service.create(
      draft({ contact: { kind: 'individual', firstName: 'Paul', email: 'Paul.Roy@Gmail.com', phones: [] } }),
    );
    const counts = await h.service.importDrafts(
      [item(draft({ contact: { kind: 'individual', lastName: 'Roy', email: 'paul.roy@gmail.com', phones: [] } }), 2)],
      opts,
    );
    expect(counts).toEqual({ imported: 0, merged: 1, unchanged: 0, rejected: [] });
    expect(await search(h, 'roy')).toEqual(['Paul Roy']);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const h = await harness();
    const file = [
      item(draft({ first: 'A', tel: ['0612345678'], notes: ['hello'] }), 2),
      item(draft({ first: 'B', tel: ['0612345679'] }), 3),
    ];
    expect(await h.service.importDrafts(file, opts)).toEqual({ imported: 2, merged: 0, unchanged: 0, rejected: [] });
    const writes = (await h.store.collection('leads')).stats().writes;
    h.clock.now += 1000;
    expect(await h.service.importDrafts(file, opts)).toEqual({ imported: 0, merged: 0, unchanged: 2, rejected: [] });
    expect((await h.store.collection('leads')).stats().writes).toBe(writes);
    expect(h.events).toHaveLength(1);
  });

  it('dry run counts the same and writes nothing', async () => {
    const h = await harness();
    const file = [
      item(draft({ first: 'A', tel: ['0612345678'] }), 2),
      item(draft({ last: 'Martin', tel: ['06 12 34 56 78'] }), 3),
    ];
    expect(await h.service.importDrafts(file, { ...opts, dryRun: true })).toEqual({
      imported: 1,
      merged: 1,
      unchanged: 0,
      rejected: [],
    });
    expect((await h.service.facets()).total).toBe(0);
    expect(h.events).toEqual([]);
    const reopened = await h.reopen();
    expect((await reopened.service.facets()).total).toBe(0);
  });

  it('rejects the row whose merge would break a lead rule, and by default writes nothing', async () => {
    const h = await harness();
    const tooMany = draft({ tags: Array.from({ length: 30 }, (_, i) => `t${i}`), tel: ['0612345678'] });
    const more = draft({ tags: Array.from({ length: 30 }, (_, i) => `u${i}`), tel: ['0612345678'] });
    const file = [item(draft({ first: 'ok', tel: ['0699887766'] }), 2), item(tooMany, 3), item(more, 4)];
    const result = await h.service.importDrafts(file, opts);
    expect(result).toEqual({
      imported: 0,
      merged: 0,
      unchanged: 0,
      rejected: [
        {
          line: 4,
          field: 'tags',
          reason: expect.stringMatching(/line 3 .*tags: Too big.*50/),
          problem: { code: 'merge-breaks-rule', earlierLine: 3, field: 'tags', message: expect.stringMatching(/50/) },
        },
      ],
    });
    expect((await h.service.facets()).total).toBe(0);
    expect(h.events).toEqual([]);
  });

  it('with keepValid, writes every other row and leaves the lead as it was before the rejected one', async () => {
    const h = await harness();
    const tooMany = draft({ tags: Array.from({ length: 30 }, (_, i) => `t${i}`), tel: ['0612345678'] });
    const more = draft({ tags: Array.from({ length: 30 }, (_, i) => `u${i}`), tel: ['0612345678'], first: 'Zoé' });
    const file = [item(draft({ first: 'ok', tel: ['0699887766'] }), 2), item(tooMany, 3), item(more, 4)];
    const result = await h.service.importDrafts(file, { ...opts, keepValid: true });
    expect(result).toMatchObject({ imported: 2, merged: 0, unchanged: 0, rejected: [{ line: 4, field: 'tags' }] });
    const page = await h.service.search({ text: '0612345678', offset: 0, limit: 10, sort: 'name', direction: 'asc' });
    expect(page.items).toHaveLength(1);
    const lead = await h.service.get(page.items[0]!.id);
    expect([lead.tags.length, lead.contact.firstName]).toEqual([30, undefined]);
  });

  it('rejects a row whose own lead breaks a rule (more than 20 phones in one cell list)', async () => {
    const h = await harness();
    const phones = Array.from({ length: 21 }, (_, i) => `06 12 34 56 ${String(i).padStart(2, '0')}`);
    const result = await h.service.importDrafts([item(draft({ tel: phones }), 7)], { ...opts, keepValid: true });
    expect(result).toEqual({
      imported: 0,
      merged: 0,
      unchanged: 0,
      rejected: [
        {
          line: 7,
          field: 'contact.phones',
          reason: expect.stringMatching(/^contact\.phones: Too big/),
          problem: { code: 'lead-rule-broken', field: 'contact.phones', message: expect.stringMatching(/20/) },
        },
      ],
    });
  });

  it('loads sample leads through the import path, source "Exemple"', async () => {
    const h = await harness();
    const { created } = await h.service.loadSample(30);
    expect(created).toBe(30);
    const facets = await h.service.facets();
    expect(facets).toMatchObject({ total: 30, sources: ['Exemple'] });
    expect((await h.service.loadSample(30)).created).toBe(0);
  });
});

describe('callbacks asked twice', () => {
  it('sets the same callback once, and a different time, owner or note as another', async () => {
    const h = await harness();
    const { id } = await h.service.create(draft({ first: 'Marc', tel: ['06 12 34 56 78'] }));
    const ask = { id, dueAt: '2025-03-11T08:00:00Z', scope: 'owner' as const };
    await Promise.all([h.service.setCallback(ask), h.service.setCallback(ask)]);
    const once = await h.service.get(id);
    expect(once.callbacks).toHaveLength(1);
    expect(once.timeline.filter((e) => e.kind === 'callback-set')).toHaveLength(1);
    await h.service.setCallback({ ...ask, dueAt: '2025-03-11T09:00:00Z' });
    await h.service.setCallback({ ...ask, owner: 'Paul' });
    await h.service.setCallback({ ...ask, note: 'Après 18 h' });
    expect((await h.service.get(id)).callbacks).toHaveLength(4);
  });
});

/** The same person twice, each with one mobile number: the leads a seller merges. */
async function twoLeadsOfAnne(h: Awaited<ReturnType<typeof harness>>) {
  const keep = await h.service.create(draft({ first: 'Anne', last: 'Garde', tel: ['06 11 11 11 11'] }));
  const other = await h.service.create(draft({ first: 'Anne', last: 'Autre', tel: ['06 22 22 22 22'] }));
  return { keep, other };
}

describe('a merge while other requests come in', () => {
  it('keeps a note added to the other lead while the merge writes: the note waits for the merge', async () => {
    const h = await harness();
    const { keep, other } = await twoLeadsOfAnne(h);
    const merging = h.service.merge(keep.id, other.id);
    await nextTurn(); // the merge now waits for the kept lead's shard on disk
    const noting = h.service.addNote(other.id, 'Rappeler pour la reprise de la Clio');
    await merging;
    // The lead it was added to is gone: the seller is told so, not that it was saved.
    await expect(noting).rejects.toMatchObject({ code: 'not-found' });
    const kept = await h.service.get(keep.id);
    expect(kept.contact.phones.map((p) => p.e164)).toEqual(['+33611111111', '+33622222222']);
  });

  it('crossing merges (A into B, B into A at once) leave one lead, never none', async () => {
    const h = await harness();
    const { keep: a, other: b } = await twoLeadsOfAnne(h);
    const results = await Promise.allSettled([h.service.merge(a.id, b.id), h.service.merge(b.id, a.id)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await h.service.facets()).total).toBe(1);
    expect((await h.service.get(a.id)).contact.phones).toHaveLength(2);
    await expect((await h.reopen()).service.facets()).resolves.toMatchObject({ total: 1 });
  });
});

describe('an import and a merge at the same time', () => {
  it("keeps the file's rows for a lead merged away while the file was read", async () => {
    const h = await harness();
    const { keep, other } = await twoLeadsOfAnne(h);
    const merging = h.service.merge(keep.id, other.id);
    const row = draft({ first: 'Anne', last: 'Autre', tel: ['06 22 22 22 22', '07 33 33 33 33'] });
    const options = { dryRun: false, fileName: 'rows.csv', via: 'import' as const, keepValid: true };
    const imported = await h.service.importDrafts([{ draft: row, line: 2 }], options);
    await merging;
    expect(imported.rejected).toEqual([]);
    const withNewNumber = await h.service.findDuplicates({ phones: ['+33733333333'] });
    expect(withNewNumber).toHaveLength(1);
  });
});

describe('imports at the same time', () => {
  it('run one after the other: the same rows twice at once are created once', async () => {
    const h = await harness();
    const drafts = generateSampleLeads(300, { seed: 8, now: new Date('2025-03-01T10:00:00Z') });
    const items = drafts.map((draft, i) => ({ draft, line: i + 2 }));
    const options = { dryRun: false, fileName: 'rows.csv', via: 'import' as const, keepValid: true };
    const [first, second] = await Promise.all([
      h.service.importDrafts(items, options),
      h.service.importDrafts(items, options),
    ]);
    expect(first.imported).toBeGreaterThan(250);
    expect(second).toMatchObject({ imported: 0, merged: 0, unchanged: items.length });
    expect((await h.service.facets()).total).toBe(first.imported);
    // The sample button pressed twice quickly.
    const [a, b] = await Promise.all([h.service.loadSample(40), h.service.loadSample(40)]);
    expect([a.created, b.created]).toEqual([40, 0]);
  });

  it('a failed import does not hold up the next one', async () => {
    const h = await harness();
    const options = { dryRun: false, fileName: 'rows.csv', via: 'import' as const, keepValid: true };
    async function* broken(): AsyncGenerator<{ items: [] }> {
      yield { items: [] };
      throw new Error('the import worker stopped before the end of the file');
    }
    const failed = h.service.importBatches(broken(), options);
    const next = h.service.importDrafts(
      [{ draft: draft({ first: 'Après', tel: ['06 11 22 33 44'] }), line: 2 }],
      options,
    );
    await expect(failed).rejects.toThrow(/stopped before the end/);
    expect(await next).toMatchObject({ imported: 1 });
  });
});

describe('a seller working while a file is read', () => {
  const options = { dryRun: false, fileName: 'rows.csv', via: 'import' as const, keepValid: true };
  const row = (d: LeadDraft, line: number) => ({ items: [{ draft: d, line }] });

  it("keeps the seller's change to a lead the file merges into", async () => {
    const h = await harness();
    const marc = await h.service.create(draft({ first: 'Marc', last: 'Petit', tel: ['06 11 11 11 11'] }));
    async function* rows() {
      yield row(draft({ first: 'Marc', last: 'Petit', tel: ['06 11 11 11 11', '01 44 44 44 44'] }), 2);
      await h.service.addNote(marc.id, 'Rappel promis jeudi'); // between two batches
      const withEmail = draft({ first: 'Marc', tel: ['06 11 11 11 11'] });
      withEmail.contact.email = 'marc@exemple.fr';
      yield row(withEmail, 3);
    }
    const result = await h.service.importBatches(rows(), options);
    expect(result).toMatchObject({ imported: 0, merged: 2 });
    const after = await h.service.get(marc.id);
    expect(after.timeline.map((e) => (e.kind === 'note' ? e.text : e.kind))).toContain('Rappel promis jeudi');
    expect(after.contact.phones.map((p) => p.e164)).toEqual(['+33611111111', '+33144444444']);
    expect(after.contact.email).toBe('marc@exemple.fr');
    await expect((await h.reopen()).service.get(marc.id)).resolves.toEqual(after);
  });

  it('gives the rows of a lead deleted meanwhile a new lead, not the deleted one back', async () => {
    const h = await harness();
    const anna = await h.service.create(draft({ first: 'Anna', tel: ['06 22 22 22 22'] }));
    async function* rows() {
      yield row(draft({ first: 'Anna', tel: ['06 22 22 22 22', '07 33 33 33 33'] }), 2);
      await h.service.delete(anna.id);
    }
    expect(await h.service.importBatches(rows(), options)).toMatchObject({ imported: 1, merged: 0 });
    await expect(h.service.get(anna.id)).rejects.toMatchObject({ code: 'not-found' });
    const found = await search(h, 'anna');
    expect(found).toEqual(['Anna']);
  });

  it('puts the rows of a lead merged away meanwhile on the lead it went into, not on a new lead', async () => {
    const h = await harness();
    const { keep, other } = await twoLeadsOfAnne(h);
    const otherPhone = other.contact.phones[0]!.raw;
    async function* rows() {
      // A row for the lead that is about to be merged away: it adds an e-mail.
      const withEmail = draft({ first: 'Anne', tel: [otherPhone] });
      withEmail.contact.email = 'anne@exemple.fr';
      yield row(withEmail, 2);
      // And one for the lead that stays: it adds a tag.
      yield row(draft({ first: 'Anne', tel: [keep.contact.phones[0]!.raw], tags: ['Financement'] }), 3);
      await h.service.merge(keep.id, other.id); // the seller merges the two while the file is read
    }
    expect(await h.service.importBatches(rows(), options)).toMatchObject({ imported: 0, merged: 2 });
    await expect(h.service.get(other.id)).rejects.toMatchObject({ code: 'not-found' });
    const kept = await h.service.get(keep.id);
    expect(kept.contact.email).toBe('anne@exemple.fr');
    expect(kept.tags).toContain('Financement');
    expect(kept.contact.phones.map((p) => p.raw)).toContain(otherPhone);
    expect(await search(h, 'anne')).toHaveLength(1);
  });
});

describe('a big import (the index taken in chunks)', () => {
  it('makes every lead operation wait for the whole batch: none sees a half-updated index', async () => {
    const h = await harness();
    const drafts = generateSampleLeads(3000, { seed: 5, now: new Date('2025-03-01T10:00:00Z') });
    const during: Promise<unknown>[] = [];
    const imported = h.service.importDrafts(
      drafts.map((draft, i) => ({ draft, line: i + 2 })),
      {
        dryRun: false,
        fileName: 'big.csv',
        via: 'import',
        keepValid: true,
        // Runs once the service has started writing and indexing: between two of its chunks.
        onWriting: () =>
          setImmediate(() => {
            during.push(h.service.search({ text: '', offset: 0, limit: 5, sort: 'name', direction: 'asc' }));
            during.push(h.service.facets());
          }),
      },
    );
    const { imported: count } = await imported;
    const [page, facets] = (await Promise.all(during)) as [LeadPage, { total: number }];
    expect(count).toBeGreaterThan(2900);
    expect(page.total).toBe(count);
    expect(facets.total).toBe(count);
    const again = await h.service.search({ text: '', offset: 0, limit: 5, sort: 'name', direction: 'asc' });
    expect(page).toEqual(again);
  });

  it("a seller's change asked as the import starts writing never lands mid-index (whatever the turn)", async () => {
    // The change and the end of the file come a few promise turns apart, either way round. At one
    // of them the change used to pass the service's wait for an index update just before the
    // import started one: the import's last chunk then put the old lead back in search.
    const drafts = generateSampleLeads(600, { seed: 9, now: new Date('2025-03-01T10:00:00Z') });
    const stale: string[] = [];
    for (const sellerFirst of [true, false]) {
      for (let turns = 0; turns < 8; turns++) {
        const h = await harness();
        const marc = await h.service.create(draft({ first: 'Marc', last: 'Petit', tel: ['06 11 11 11 11'] }));
        let endOfFile!: () => void;
        const fileRead = new Promise<void>((resolve) => (endOfFile = resolve));
        async function* rows() {
          yield { items: drafts.map((d, i) => ({ draft: d, line: i + 2 })) };
          // Marc's row comes last: the index takes it in the import's last chunk.
          const more = draft({ first: 'Marc', tel: ['06 11 11 11 11', '01 44 44 44 44'] });
          yield { items: [{ draft: more, line: 9999 }] };
          await fileRead;
        }
        const imported = h.service.importBatches(rows(), {
          dryRun: false,
          fileName: 'big.csv',
          via: 'import',
          keepValid: true,
        });
        await nextTurn(); // both batches are in; the import waits for the end of the file
        const first = sellerFirst ? () => h.service.setStage(marc.id, 'sold') : endOfFile;
        const then = sellerFirst ? endOfFile : () => h.service.setStage(marc.id, 'sold');
        const done = [imported, first()];
        for (let i = 0; i < turns; i++) await Promise.resolve();
        done.push(then());
        await Promise.all(done);
        expect((await h.service.get(marc.id)).stage).toBe('sold');
        const query = { text: 'marc petit', offset: 0, limit: 5, sort: 'name', direction: 'asc' } as const;
        const found = await h.service.search({ ...query, stages: ['sold'] });
        if (found.total !== 1) stale.push(`${sellerFirst ? 'change' : 'end of file'} first, ${turns} turns apart`);
      }
    }
    expect(stale).toEqual([]);
  });
});
