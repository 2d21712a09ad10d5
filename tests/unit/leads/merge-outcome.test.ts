import { describe, expect, it } from 'vitest';
import { leadFromDraft } from '../../../src/core/leads/draft';
import { mergeLeads } from '../../../src/core/leads/merge';
import { defaultSellerName } from '../../../src/core/settings/seller-name';
import { leadDisplayName, type Lead, type LeadDraft, type Stage } from '../../../src/shared/domain/lead';
import {
  DEFAULT_SELLER_NAMES,
  isNamedOwner,
  mergedName,
  mergedOwner,
  mergedStage,
  mergeOutcome,
  type MergeSide,
} from '../../../src/shared/domain/lead-merge';
import { draft } from './helpers';

const OLD = '2026-10-02T09:00:00.000Z';
const NEW = '2026-11-27T03:30:00.000Z';

const side = (
  createdAt: string,
  name: Partial<MergeSide['contact']>,
  extra: Partial<Pick<MergeSide, 'stage' | 'owner'>> = {},
): MergeSide => ({ createdAt, stage: 'new', contact: { kind: 'individual', ...name }, ...extra });

describe('the stage a merge keeps', () => {
  it.each<[Stage, Stage, Stage]>([
    ['new', 'appointment', 'appointment'],
    ['visited', 'contacted', 'visited'],
    ['lost', 'new', 'new'], // a new enquiry after a lost deal: callable again
    ['contacted', 'lost', 'contacted'],
    ['lost', 'lost', 'lost'],
    ['new', 'sold', 'sold'],
    ['sold', 'visited', 'sold'],
    ['sold', 'lost', 'sold'],
  ])('%s + %s -> %s, whichever is kept', (a, b, expected) => {
    expect(mergedStage(a, b)).toBe(expected);
    expect(mergedStage(b, a)).toBe(expected);
  });
});

describe('the owner a merge keeps', () => {
  it('knows the default seller words as no one, in any case', () => {
    expect(DEFAULT_SELLER_NAMES).toEqual([defaultSellerName('fr'), defaultSellerName('en')]);
    for (const owner of ['Vendeur', 'seller', ' VENDEUR ', '', undefined]) expect(isNamedOwner(owner)).toBe(false);
    expect(isNamedOwner('Julien Moreau')).toBe(true);
  });

  it.each([
    ['a named owner over the default word (the older lead named)', 'Julien Moreau', 'Vendeur', 'Julien Moreau'],
    ['a named owner over the default word (the newer lead named)', 'Seller', 'Claire Dubois', 'Claire Dubois'],
    ['a named owner over none', undefined, 'Claire Dubois', 'Claire Dubois'],
    ['between two people, the older lead’s', 'Julien Moreau', 'Claire Dubois', 'Julien Moreau'],
    ['no one named: the kept lead’s word', undefined, 'Vendeur', 'Vendeur'],
  ])('%s', (_name, olderOwner, newerOwner, expected) => {
    const older = side(OLD, {}, olderOwner ? { owner: olderOwner } : {});
    const newer = side(NEW, {}, newerOwner ? { owner: newerOwner } : {});
    expect(mergedOwner(newer, older)).toBe(expected);
    expect(mergedOwner(older, newer)).toBe(expected);
  });
});

describe('the name a merge keeps', () => {
  const name = (keep: MergeSide, other: MergeSide) => leadDisplayName(mergedName(keep, other));
  it.each([
    [
      'the accented form of the same name',
      { firstName: 'Cedric', lastName: 'Barbe' },
      { firstName: 'Cédric', lastName: 'Barbé' },
      'Cédric Barbé',
    ],
    [
      'the accented form, on the newer lead too',
      { firstName: 'Cédric', lastName: 'Barbé' },
      { firstName: 'cedric', lastName: 'barbe' },
      'Cédric Barbé',
    ],
    [
      'mixed case over capitals',
      { firstName: 'Élodie', lastName: 'Martin' },
      { firstName: 'ÉLODIE', lastName: 'MARTIN' },
      'Élodie Martin',
    ],
    [
      'the more complete name, with the other’s accents',
      { lastName: 'Barbé' },
      { firstName: 'Cedric', lastName: 'Barbe' },
      'Cedric Barbé',
    ],
    [
      'capitals stay where the other has no accent',
      { firstName: 'Cedric' },
      { firstName: 'CEDRIC', lastName: 'BARBE' },
      'CEDRIC BARBE',
    ],
    [
      'a different name: the older lead’s',
      { firstName: 'Céline', lastName: 'Roux' },
      { firstName: 'Cécile', lastName: 'Roux' },
      'Cécile Roux',
    ],
    [
      'a full name against its parts, not both',
      { firstName: 'Cedric', lastName: 'Barbe' },
      { fullName: 'Cédric Barbé' },
      'Cédric Barbé',
    ],
    ['parts the winner lacks are added', { firstName: 'Cédric' }, { lastName: 'Barbé' }, 'Cédric Barbé'],
  ])('%s', (_name, newerName, olderName, expected) => {
    const newer = side(NEW, newerName);
    const older = side(OLD, olderName);
    expect(name(newer, older)).toBe(expected);
    expect(name(older, newer)).toBe(expected);
  });

  it('takes the company with its name', () => {
    const company = side(OLD, { kind: 'business', fullName: 'Garage André SARL' });
    const person = side(NEW, { firstName: 'Bérénice', lastName: 'André' });
    expect(mergeOutcome(person, company).name).toEqual({
      kind: 'business',
      fullName: 'Garage André SARL',
      firstName: 'Bérénice',
      lastName: 'André',
    });
  });
});

describe('mergeLeads keeps the better data of both (walk5 #2)', () => {
  let n = 0;
  const newId = () => `id-${++n}`;
  const lead = (id: string, d: LeadDraft, at: string): Lead => leadFromDraft(d, { id, at, via: 'manual', newId });

  it('a new unaccented duplicate merged with the worked lead keeps its stage, owner and name', () => {
    const older = lead(
      'older',
      draft({
        first: 'Cédric',
        last: 'Barbé',
        tel: ['06 87 84 65 31'],
        stage: 'appointment',
        owner: 'Julien Moreau',
        notes: ['Veut une Clio'],
      }),
      OLD,
    );
    const duplicate = lead(
      'dup',
      draft({ first: 'Cedric', last: 'Barbe', tel: ['06 04 01 24 25'], owner: 'Vendeur' }),
      NEW,
    );
    const at = '2026-11-27T03:40:00.000Z';
    const merged = mergeLeads(duplicate, older, at, newId, 'Vendeur');
    expect(merged.id).toBe('dup');
    expect(leadDisplayName(merged.contact)).toBe('Cédric Barbé');
    expect(merged.stage).toBe('appointment');
    expect(merged.owner).toBe('Julien Moreau');
    expect(merged.createdAt).toBe(OLD);
    // What was kept before stays kept: both numbers, the note, the history.
    expect(merged.contact.phones.map((p) => p.e164)).toEqual(['+33604012425', '+33687846531']);
    expect(merged.timeline.some((e) => e.kind === 'note' && e.text === 'Veut une Clio')).toBe(true);
    expect(merged.timeline.slice(-2)).toMatchObject([
      { kind: 'merged', mergedLeadId: 'older', at, author: 'Vendeur' },
      { kind: 'stage', from: 'new', to: 'appointment', at, author: 'Vendeur' },
    ]);
  });

  it('writes no stage entry when the kept lead’s stage stays', () => {
    const keep = lead('k', draft({ first: 'Anne', stage: 'visited' }), OLD);
    const other = lead('o', draft({ first: 'Anne', stage: 'lost' }), NEW);
    const merged = mergeLeads(keep, other, NEW, newId);
    expect(merged.stage).toBe('visited');
    expect(merged.timeline.filter((e) => e.kind === 'stage')).toEqual([]);
    expect(merged.timeline.at(-1)).not.toHaveProperty('author');
  });
});
