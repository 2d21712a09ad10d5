import { describe, expect, it } from 'vitest';
import {
  addTags,
  cleanLabel,
  diffTags,
  MAX_OWNER_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  ownerEdit,
  removeTag,
  tagSuggestions,
} from '../../../../src/renderer/leads/detail/owner-tags';
import { LeadEditSchema } from '../../../../src/shared/contract';

const tagsOf = (n: number) => Array.from({ length: n }, (_, i) => `tag ${i}`);

describe('tags typed on a lead', () => {
  it('cleans spaces and composes accents', () => {
    expect(cleanLabel('  Reprise   à  voir ')).toBe('Reprise à voir');
    expect(cleanLabel('Re\u0301serve\u0301')).toBe('Réservé');
  });

  it('adds a tag, trimmed, after the existing ones', () => {
    expect(addTags(['VIP'], '  Reprise ')).toEqual({ ok: true, tags: ['VIP', 'Reprise'], added: ['Reprise'] });
  });

  it('splits on commas, as exports join tags', () => {
    expect(addTags([], 'VIP, Reprise,, Financement ')).toEqual({
      ok: true,
      tags: ['VIP', 'Reprise', 'Financement'],
      added: ['VIP', 'Reprise', 'Financement'],
    });
  });

  it('skips tags the lead has in another case, and refuses when nothing is new', () => {
    expect(addTags(['VIP'], 'vip, Essai, essai')).toEqual({ ok: true, tags: ['VIP', 'Essai'], added: ['Essai'] });
    expect(addTags(['VIP'], ' vip ')).toEqual({ ok: false, problem: 'duplicate', tag: 'VIP' });
  });

  it('is accent-sensitive: Réservé and Reserve are two tags', () => {
    expect(addTags(['Réservé'], 'Reserve')).toMatchObject({ ok: true, added: ['Reserve'] });
  });

  it('spells a new tag as the dealership already does, so the tag filter finds it', () => {
    expect(addTags([], 'vip', ['Financement', 'VIP'])).toMatchObject({ ok: true, tags: ['VIP'] });
  });

  it('refuses blanks, over-long tags and more tags than a lead holds, adding nothing', () => {
    expect(addTags(['VIP'], ' , ')).toEqual({ ok: false, problem: 'empty' });
    const long = 'x'.repeat(MAX_TAG_LENGTH + 1);
    expect(addTags([], `ok, ${long}`)).toEqual({ ok: false, problem: 'too-long', tag: long });
    expect(addTags([], 'x'.repeat(MAX_TAG_LENGTH))).toMatchObject({ ok: true });
    expect(addTags(tagsOf(MAX_TAGS - 1), 'a, b')).toEqual({ ok: false, problem: 'too-many' });
    expect(addTags(tagsOf(MAX_TAGS - 1), 'a')).toMatchObject({ ok: true });
  });

  it('uses the same bounds as the lead schema', () => {
    const accepts = (tags: string[]) => LeadEditSchema.safeParse({ tags }).success;
    expect(accepts(tagsOf(MAX_TAGS))).toBe(true);
    expect(accepts(tagsOf(MAX_TAGS + 1))).toBe(false);
    expect(accepts(['x'.repeat(MAX_TAG_LENGTH)])).toBe(true);
    expect(accepts(['x'.repeat(MAX_TAG_LENGTH + 1)])).toBe(false);
    expect(LeadEditSchema.safeParse({ owner: 'x'.repeat(MAX_OWNER_LENGTH) }).success).toBe(true);
    expect(LeadEditSchema.safeParse({ owner: 'x'.repeat(MAX_OWNER_LENGTH + 1) }).success).toBe(false);
  });

  it('removes exactly the tag asked for', () => {
    expect(removeTag(['VIP', 'Essai'], 'VIP')).toEqual(['Essai']);
    expect(removeTag(['VIP'], 'vip')).toEqual(['VIP']);
  });

  it('suggests the dealership tags the lead does not carry yet', () => {
    expect(tagSuggestions(['Essai', 'Financement', 'VIP'], ['vip'])).toEqual(['Essai', 'Financement']);
  });

  it('tells what an edit added and removed, ignoring order', () => {
    expect(diffTags(['VIP', 'Essai'], ['Essai', 'Reprise'])).toEqual({ added: ['Reprise'], removed: ['VIP'] });
    expect(diffTags(['VIP', 'Essai'], ['Essai', 'VIP'])).toEqual({ added: [], removed: [] });
  });
});

describe('owner typed on a lead', () => {
  it('sends nothing when the owner is the same', () => {
    expect(ownerEdit('Jean Dupont', '  Jean   Dupont ')).toEqual({ ok: true, change: null });
    expect(ownerEdit(undefined, '  ')).toEqual({ ok: true, change: null });
  });

  it('clears the owner with an empty name', () => {
    expect(ownerEdit('Jean Dupont', ' ')).toEqual({ ok: true, change: { owner: '' } });
  });

  it('sets a new owner, spelled as an existing one when only the case differs', () => {
    expect(ownerEdit(undefined, 'Zoé Martin')).toEqual({ ok: true, change: { owner: 'Zoé Martin' } });
    expect(ownerEdit('Jean Dupont', 'zoé martin', ['Jean Dupont', 'Zoé Martin'])).toEqual({
      ok: true,
      change: { owner: 'Zoé Martin' },
    });
  });

  it('refuses a name longer than the schema allows', () => {
    expect(ownerEdit(undefined, 'x'.repeat(MAX_OWNER_LENGTH + 1))).toEqual({ ok: false, problem: 'too-long' });
  });
});
