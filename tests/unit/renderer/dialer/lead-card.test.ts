import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../../src/shared/domain/lead';
import { leadCardFacts } from '../../../../src/renderer/dialer/lead-card';

const now = Date.parse('2026-11-26T14:00:00Z');

function lead(extra: Partial<Lead> = {}): Lead {
  return {
    id: 'a',
    contact: {
      kind: 'individual',
      firstName: 'Élodie',
      lastName: 'Martin',
      phones: [
        { e164: '+33478000001', raw: '04 78 00 00 01', type: 'home', preferred: false },
        { e164: '+33612345678', raw: '06 12 34 56 78', type: 'mobile', preferred: true },
        { e164: '+33478000009', raw: '04 78 00 00 09', type: 'fax', preferred: false },
      ],
    },
    vehicles: [
      { interest: 'buy', make: 'Peugeot', model: '3008', trim: 'GT', year: 2023 },
      { interest: 'test-drive', make: 'Renault', model: 'Austral' },
    ],
    stage: 'appointment',
    owner: 'Alice',
    tags: [],
    consents: [],
    callbacks: [],
    timeline: [],
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
    ...extra,
  };
}

const consent = (number: string, revokedAt?: string) => ({
  id: `c-${number}-${revokedAt ?? ''}`,
  number,
  givenAt: '2026-01-01T10:00:00Z',
  channel: 'web-form' as const,
  wording: 'J’accepte d’être rappelé.',
  ...(revokedAt ? { revokedAt } : {}),
});

describe('leadCardFacts', () => {
  it('shows who, which numbers (the dialed one marked, no fax), and the car wanted', () => {
    const facts = leadCardFacts(lead(), '+33612345678', now);
    expect(facts.name).toBe('Élodie Martin');
    expect(facts.stage).toBe('appointment');
    expect(facts.owner).toBe('Alice');
    expect(facts.vehicle).toBe('Peugeot 3008 GT 2023');
    expect(facts.numbers).toEqual([
      { e164: '+33478000001', type: 'home', preferred: false, dialed: false },
      { e164: '+33612345678', type: 'mobile', preferred: true, dialed: true },
    ]);
  });

  it('reads the consent of the number being called, not of another one', () => {
    expect(leadCardFacts(lead(), '+33612345678', now).consent).toBe('none');
    expect(leadCardFacts(lead({ consents: [consent('+33478000001')] }), '+33612345678', now).consent).toBe('none');
    expect(leadCardFacts(lead({ consents: [consent('+33612345678')] }), '+33612345678', now).consent).toBe('given');
    expect(
      leadCardFacts(lead({ consents: [consent('+33612345678', '2026-06-01T10:00:00Z')] }), '+33612345678', now).consent,
    ).toBe('revoked');
    // Given again after a withdrawal: the active record counts.
    expect(
      leadCardFacts(
        lead({ consents: [consent('+33612345678', '2026-06-01T10:00:00Z'), consent('+33612345678')] }),
        '+33612345678',
        now,
      ).consent,
    ).toBe('given');
  });

  it('gives the earliest pending callback and whether it is overdue', () => {
    const cb = (id: string, dueAt: string, status: 'pending' | 'done', note?: string) => ({
      id,
      dueAt,
      owner: 'Alice',
      scope: 'owner' as const,
      status,
      createdAt: '2026-01-01T10:00:00Z',
      ...(note ? { note } : {}),
    });
    const facts = leadCardFacts(
      lead({
        callbacks: [
          cb('1', '2026-11-20T09:00:00Z', 'done'),
          cb('2', '2026-11-28T09:00:00Z', 'pending'),
          cb('3', '2026-11-25T09:00:00Z', 'pending', 'Après la reprise'),
        ],
      }),
      '+33612345678',
      now,
    );
    expect(facts.callback).toEqual({ dueAt: '2026-11-25T09:00:00Z', overdue: true, note: 'Après la reprise' });
    expect(leadCardFacts(lead(), '+33612345678', now).callback).toBeUndefined();
  });

  it('lists the latest notes first, at most three', () => {
    const note = (id: string, at: string, text: string) => ({ id, at, kind: 'note' as const, text });
    const facts = leadCardFacts(
      lead({
        timeline: [
          note('1', '2026-11-01T10:00:00Z', 'Premier contact'),
          { id: 's', at: '2026-11-02T10:00:00Z', kind: 'stage', from: 'new', to: 'contacted' },
          note('2', '2026-11-03T10:00:00Z', 'Essai prévu'),
          note('3', '2026-11-05T10:00:00Z', 'Reprise estimée'),
          note('4', '2026-11-04T10:00:00Z', 'Financement'),
        ],
      }),
      '+33612345678',
      now,
    );
    expect(facts.notes.map((n) => n.text)).toEqual(['Reprise estimée', 'Financement', 'Essai prévu']);
  });

  it('has no vehicle when none is noted', () => {
    expect(leadCardFacts(lead({ vehicles: [] }), '+33612345678', now).vehicle).toBeUndefined();
  });
});
