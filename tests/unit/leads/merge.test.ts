import { describe, expect, it } from 'vitest';
import { leadFromDraft } from '../../../src/core/leads/draft';
import { mergeDraft, mergeLeads } from '../../../src/core/leads/merge';
import type { Lead, LeadDraft } from '../../../src/shared/domain/lead';
import { draft, phone } from './helpers';

let n = 0;
const newId = () => `id-${++n}`;
const T0 = '2025-01-01T10:00:00.000Z';
const T1 = '2025-02-01T10:00:00.000Z';
const NOW = '2025-03-01T10:00:00.000Z';

function lead(id: string, d: LeadDraft, at = T0): Lead {
  return leadFromDraft(d, { id, at, via: 'manual', newId });
}

const consent = (number: string, givenAt = T0) => ({
  id: newId(),
  number,
  givenAt,
  channel: 'web-form' as const,
  wording: 'J’accepte d’être rappelé.',
});

describe('mergeLeads (pure)', () => {
  const cases: { name: string; keep: Lead; other: Lead; check: (m: Lead) => void }[] = [
    {
      name: 'phones are united by E.164, keep’s preferred stays the only preferred',
      keep: lead('k', draft({ first: 'Élodie', tel: ['06 12 34 56 78'] })),
      other: lead('o', draft({ tel: ['+33 6 12 34 56 78', '04 78 00 00 00'] })),
      check: (m) => {
        expect(m.contact.phones.map((p) => p.e164)).toEqual(['+33612345678', '+33478000000']);
        expect(m.contact.phones.map((p) => p.preferred)).toEqual([true, false]);
      },
    },
    {
      name: 'keep’s values win, its empty fields are filled from the other',
      keep: lead('k', draft({ first: 'Élodie', contact: { kind: 'individual', firstName: 'Élodie', phones: [] } })),
      other: lead(
        'o',
        draft({
          contact: { kind: 'individual', firstName: 'Elo', lastName: 'Martin', email: 'e@x.fr', phones: [] },
          owner: 'Paul',
        }),
      ),
      check: (m) => {
        expect(m.contact).toMatchObject({ firstName: 'Élodie', lastName: 'Martin', email: 'e@x.fr' });
        expect(m.owner).toBe('Paul');
      },
    },
    {
      name: 'vehicles deduped by VIN, tags united, consents deduped by number+time+channel',
      keep: lead(
        'k',
        draft({
          tags: ['vip'],
          vehicles: [{ interest: 'buy', make: 'Renault', model: 'Clio', vin: 'VF1RJA00012345678' }],
          consents: [consent('+33612345678')],
        }),
      ),
      other: lead(
        'o',
        draft({
          tags: ['vip', 'reprise'],
          vehicles: [
            { interest: 'buy', make: 'Renault', model: 'Clio V', vin: 'vf1rja00012345678' },
            { interest: 'lease', make: 'Peugeot', model: '208' },
          ],
          consents: [consent('+33612345678'), consent('+33612345678', T1)],
        }),
      ),
      check: (m) => {
        expect(m.vehicles.map((v) => v.model)).toEqual(['Clio', '208']);
        expect(m.tags).toEqual(['vip', 'reprise']);
        expect(m.consents.map((c) => c.givenAt)).toEqual([T0, T1]);
        expect(new Set(m.consents.map((c) => c.id)).size).toBe(2);
      },
    },
    {
      name: 'timelines merge in time order, then a merged entry; earliest creation, latest contact',
      keep: lead('k', draft({ notes: ['note k'], createdAt: T1, lastContactAt: T1 }), T1),
      other: lead('o', draft({ notes: ['note o'], createdAt: T0, lastContactAt: NOW }), T0),
      check: (m) => {
        expect(m.timeline.map((e) => e.kind)).toEqual(['created', 'note', 'created', 'note', 'merged']);
        expect(m.timeline.map((e) => e.at)).toEqual([T0, T0, T1, T1, NOW]);
        expect(m.timeline.at(-1)).toMatchObject({ kind: 'merged', mergedLeadId: 'o' });
        expect(m.createdAt).toBe(T0);
        expect(m.lastContactAt).toBe(NOW);
        expect(m.updatedAt).toBe(NOW);
        expect(m.id).toBe('k');
      },
    },
    {
      name: 'callbacks of both are kept',
      keep: {
        ...lead('k', draft()),
        callbacks: [{ id: 'c1', dueAt: T1, owner: 'A', scope: 'owner', status: 'pending', createdAt: T0 }],
      },
      other: {
        ...lead('o', draft()),
        callbacks: [{ id: 'c2', dueAt: NOW, owner: 'B', scope: 'anyone', status: 'done', createdAt: T0 }],
      },
      check: (m) => expect(m.callbacks.map((c) => c.id)).toEqual(['c1', 'c2']),
    },
  ];
  it.each(cases)('$name', ({ keep, other, check }) => {
    const keepCopy = structuredClone(keep);
    const otherCopy = structuredClone(other);
    check(mergeLeads(keep, other, NOW, newId));
    expect(keep).toEqual(keepCopy); // pure: inputs untouched
    expect(other).toEqual(otherCopy);
  });
});

describe('mergeDraft (pure)', () => {
  const base = lead(
    'k',
    draft({ first: 'Élodie', tel: ['06 12 34 56 78'], tags: ['vip'], comments: 'Rappeler le soir' }),
  );
  const incoming = draft({
    contact: {
      kind: 'individual',
      firstName: 'Elodie',
      lastName: 'Martin',
      email: 'elodie@x.fr',
      phones: [phone('0033612345678'), phone('04 78 00 00 00', { preferred: false })],
      address: { city: 'Lyon' },
    },
    vehicles: [{ interest: 'buy', make: 'Peugeot', model: '208', stockNumber: 'VO-1234' }],
    tags: ['vip', 'salon'],
    notes: ['Intéressée par une 208'],
    stage: 'sold',
  });

  it('adds what is new, fills empty fields, never overwrites, and logs the changes', () => {
    const { lead: merged, changes } = mergeDraft(base, incoming, NOW, { file: 'export.csv', newId });
    expect(changes.sort()).toEqual(
      [
        'contact.address.city',
        'contact.email',
        'contact.lastName',
        'contact.phones',
        'notes',
        'tags',
        'vehicles',
      ].sort(),
    );
    expect(merged.contact.firstName).toBe('Élodie');
    expect(merged.stage).toBe('new');
    expect(merged.contact.phones.map((p) => [p.e164, p.preferred])).toEqual([
      ['+33612345678', true],
      ['+33478000000', false],
    ]);
    expect(merged.timeline.at(-1)).toMatchObject({ kind: 'imported', file: 'export.csv', at: NOW });
    expect(merged.timeline.filter((e) => e.kind === 'note').map((e) => e.kind === 'note' && e.text)).toEqual([
      'Intéressée par une 208',
    ]);
  });

  it('is idempotent: the same draft a second time changes nothing and returns the same object', () => {
    const once = mergeDraft(base, incoming, NOW, { newId }).lead;
    const twice = mergeDraft(once, incoming, T1, { newId });
    expect(twice.changes).toEqual([]);
    expect(twice.lead).toBe(once);
  });

  it('takes a revocation it did not know, once', () => {
    const given = consent('+33612345678');
    const withConsent = lead('k', draft({ tel: ['0612345678'], consents: [given] }));
    const revoked = draft({ tel: ['0612345678'], consents: [{ ...given, id: 'other', revokedAt: T1 }] });
    const r1 = mergeDraft(withConsent, revoked, NOW, { newId });
    expect(r1.changes).toEqual(['consents']);
    expect(r1.lead.consents).toEqual([{ ...given, revokedAt: T1 }]);
    expect(mergeDraft(r1.lead, revoked, NOW, { newId }).changes).toEqual([]);
  });
});
