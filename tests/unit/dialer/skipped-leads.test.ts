// Leads the dialer skips, on a real data folder: what their timelines and the leads export say,
// and when they are offered again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { exportLeads } from '../../../src/core/leads/export/export-leads';
import type { CallPermission } from '../../../src/core/dialer/ports';
import { lead, MIN, setup, START, type Setup } from './service-harness';

const H = 60 * MIN;
const night =
  (until: number): CallPermission =>
  () => ({
    allowed: false,
    reasons: [{ code: 'outside-window', text: 'hors des heures d’appel' }],
    nextLegalAt: new Date(until),
  });
const noConsent: CallPermission = () => ({
  allowed: false,
  reasons: [{ code: 'no-consent', text: 'pas de consentement' }],
});
const allowed: CallPermission = () => ({ allowed: true });

const skipNotes = async (s: Setup, id: string) =>
  (await s.h.service.get(id)).timeline.flatMap((e) =>
    e.kind === 'note' && e.text.startsWith('Appel non passé') ? [e.text] : [],
  );

/** Starts a session on a new list of these leads and waits for it to end with nobody to call. */
async function sessionOn(s: Setup, leadIds: string[]) {
  const list = await s.svc.createList({ name: `Liste ${Date.now()}`, source: { kind: 'selection', leadIds } });
  await s.svc.start({ listId: list.id, mode: 'power' });
  await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
  return list;
}

describe('skip notes on the lead’s timeline', () => {
  it('are written once per lead, reason and day, whatever the starts, lists and restarts; the export keeps only people’s notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relance-skips-'));
    const s = await setup({ dir });
    const anne = await lead(s, 'Anne', '0611111111');
    await s.h.service.addNote(anne.id, 'Préfère être appelée le matin');
    s.setRules(night(START + 3 * H));

    const first = await sessionOn(s, [anne.id]);
    expect(await skipNotes(s, anne.id)).toEqual([
      'Appel non passé par la session d’appels : hors des heures d’appel ; prochain créneau permis : mardi 10 mars 2026 à 13:00 (Europe/Paris).',
    ]);
    // The same list again, another list of the same lead, a while later: the same reason, the same day.
    await s.svc.start({ listId: first.id, mode: 'power' });
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    s.timers.advance(10 * MIN);
    await sessionOn(s, [anne.id]);
    expect(await skipNotes(s, anne.id)).toHaveLength(1);

    // The app starts again on the same folder: it remembers what it wrote.
    await s.svc.close();
    await s.h.store.flush();
    const again = await setup({ dir, start: s.timers.now + MIN });
    again.setRules(night(START + 3 * H));
    await sessionOn(again, [anne.id]);
    expect(await skipNotes(again, anne.id)).toHaveLength(1);

    // Another reason is written at once; the same one again the next day.
    again.setRules(noConsent);
    await sessionOn(again, [anne.id]);
    expect(await skipNotes(again, anne.id)).toHaveLength(2);
    await sessionOn(again, [anne.id]);
    expect(await skipNotes(again, anne.id)).toHaveLength(2);
    again.timers.advance(24 * H);
    await sessionOn(again, [anne.id]);
    expect(await skipNotes(again, anne.id)).toHaveLength(3);

    // The export's Notes column: what people wrote, not the app's record of skips.
    const file = await exportLeads(again.h.service, { format: 'csv', separator: ';' }, new Date(again.timers.now));
    const rows = Papa.parse<Record<string, string>>(
      Buffer.from(file.contentBase64, 'base64').toString('utf8').slice(1),
      {
        header: true,
        delimiter: ';',
      },
    ).data;
    expect(rows.find((r) => r['Prénom'] === 'Anne')?.['Notes']).toBe('Préfère être appelée le matin');
  });
});

describe('leads skipped for a time reason', () => {
  it('are offered again once the rules allow them: at a refresh, at a session start, and once their time has come', async () => {
    const s = await setup();
    const anne = await lead(s, 'Anne', '0611111111', { stage: 'contacted' });
    const bruno = await lead(s, 'Bruno', '0622222222', { stage: 'contacted' });
    const tomorrow = START + 24 * H;
    s.setRules(night(tomorrow));
    const filter = await s.svc.createList({
      name: 'Relances',
      source: { kind: 'filter', filter: { query: { stages: ['contacted' as const] } } },
    });
    await s.svc.start({ listId: filter.id, mode: 'power' });
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    expect(s.svc.view().comesBack).toEqual({ count: 2, at: new Date(tomorrow).toISOString() });
    expect((await s.svc.list({ id: filter.id })).list.progress).toMatchObject({ toCall: 0, skipped: 2 });

    // The manager switches to rules that allow the hour; "Actualiser" offers both again.
    s.setRules(allowed);
    const refreshed = await s.svc.refreshList(filter.id);
    expect(refreshed.progress).toMatchObject({ toCall: 2, skipped: 0 });
    const rows = (await s.svc.list({ id: filter.id })).items;
    expect(rows.map((r) => [r.leadId, r.status, r.skip])).toEqual(
      expect.arrayContaining([
        [anne.id, 'to-call', undefined],
        [bruno.id, 'to-call', undefined],
      ]),
    );

    // A list without refresh: the session start checks them again and calls.
    s.setRules(night(tomorrow));
    const chosen = await sessionOn(s, [anne.id]);
    s.setRules(allowed);
    await s.svc.start({ listId: chosen.id, mode: 'power' });
    await vi.waitFor(() => expect(s.placer.placed.map((p) => p.leadId)).toEqual([anne.id]));
    s.svc.stop();

    // Once the next legal time has passed, a refresh counts them as to call, not skipped.
    s.setRules(night(START + 2 * H));
    const later = await s.svc.createList({
      name: 'Plus tard',
      source: { kind: 'filter', filter: { query: { stages: ['contacted' as const], text: 'Bruno' } } },
    });
    await s.svc.start({ listId: later.id, mode: 'power' });
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    expect((await s.svc.list({ id: later.id })).list.progress).toMatchObject({ skipped: 1 });
    s.timers.advance(2 * H);
    s.setRules(allowed);
    expect((await s.svc.refreshList(later.id)).progress).toMatchObject({ toCall: 1, skipped: 0 });
  });

  it('still refused after a change of rules: the list says the new time, never a stale one, and nothing is dialled', async () => {
    const s = await setup();
    const anne = await lead(s, 'Anne', '0611111111');
    s.setRules(night(START + 24 * H));
    const list = await sessionOn(s, [anne.id]);
    expect(s.svc.view().comesBack?.at).toBe(new Date(START + 24 * H).toISOString());
    s.setRules(night(START + 48 * H));
    await s.svc.start({ listId: list.id, mode: 'power' });
    await vi.waitFor(() => expect(s.svc.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' }));
    expect(s.svc.view().comesBack).toEqual({ count: 1, at: new Date(START + 48 * H).toISOString() });
    expect(s.placer.placed).toEqual([]);
    expect(await skipNotes(s, anne.id)).toHaveLength(1);
  });

  it('a list done for now names the leads reserved for other sellers', async () => {
    const s = await setup({ seller: 'Julie Vendeuse' });
    const mine = await lead(s, 'Anne', '0611111111');
    const karims = await lead(s, 'Karim', '0622222222', { owner: 'Karim Benali' });
    const claires = await lead(s, 'Claire', '0633333333', { owner: 'Claire Dubois' });
    for (const [id, owner] of [
      [karims.id, 'Karim Benali'],
      [claires.id, 'Claire Dubois'],
    ] as const)
      await s.h.service.setCallback({ id, dueAt: new Date(START + H).toISOString(), scope: 'owner', owner });
    s.setRules(night(START + 24 * H));
    await sessionOn(s, [mine.id, karims.id, claires.id]);
    expect(s.svc.view()).toMatchObject({
      comesBack: { count: 1, at: new Date(START + 24 * H).toISOString() },
      reservedForOthers: 2,
    });
    // None of this seller's: said as well.
    await sessionOn(s, [karims.id]);
    expect(s.svc.view()).toMatchObject({ reservedForOthers: 1 });
    expect(s.svc.view().comesBack).toBeUndefined();
    expect(s.placer.placed).toEqual([]);
  });
});
