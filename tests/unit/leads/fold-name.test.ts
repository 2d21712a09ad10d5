import { describe, expect, it } from 'vitest';
import { searchKey } from '../../../src/core/leads/lead-facts';
import { leadFromDraft } from '../../../src/core/leads/draft';
import { foldName, foldNameShared } from '../../../src/core/leads/text';
import { draft } from './helpers';

describe('foldName (a name as the search key holds it)', () => {
  it.each([
    ["N'Diaye", "n'diaye ndiaye"],
    ['N’Diaye', "n'diaye ndiaye"],
    ['Le Goff', 'le goff legoff'],
    ['Jean-Pierre', 'jean-pierre jeanpierre'],
    ['Jean\u2011Pierre', 'jean\u2011pierre jeanpierre'],
    ['Marie - Hélène', 'marie - helene mariehelene'],
    ['Garage Le Gall & Fils', 'garage le gall & fils garagelegall&fils'],
  ])('adds the joined form of "%s"', (name, key) => {
    expect(foldName(name)).toBe(key);
    expect(foldNameShared(name)).toBe(key);
  });

  it.each([
    ['Élodie', 'elodie'],
    ['Œuvray ', 'oeuvray '],
    [' Zoé', ' zoe'],
    ["'", "'"],
    ['', ''],
  ])('adds nothing to "%s", which has no parts to join', (name, key) => {
    expect(foldName(name)).toBe(key);
  });
});

describe('search key of a multi-part name', () => {
  it('holds the joined names, and phone and e-mail as before', () => {
    const lead = leadFromDraft(
      {
        ...draft({ first: 'Jean-Pierre', last: "N'Diaye", tel: ['06 12 34 56 78'] }),
        contact: {
          kind: 'individual',
          firstName: 'Jean-Pierre',
          lastName: "N'Diaye",
          email: 'jp.ndiaye@exemple.fr',
          phones: [{ e164: '+33612345678', raw: '06 12 34 56 78', type: 'mobile', preferred: true }],
        },
      },
      { id: 'x', at: '2025-06-01T10:00:00.000Z', via: 'manual' },
    );
    expect(searchKey(lead, 'FR')).toBe(
      "jean-pierre jeanpierre n'diaye ndiaye jp.ndiaye@exemple.fr 0612345678 33612345678",
    );
  });
});
