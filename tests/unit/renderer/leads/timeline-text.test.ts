import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../../src/shared/domain/lead';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import { timelineText, type Translate } from '../../../../src/renderer/leads/detail/timeline-text';

const base = { id: 'e', at: '2025-06-11T10:00:00.000Z', author: 'Julien Moreau' };
const entries: TimelineEntry[] = [
  { ...base, kind: 'created', via: 'manual' },
  { ...base, kind: 'created', via: 'import' },
  { ...base, kind: 'created', via: 'sample' },
  { ...base, kind: 'note', text: 'Veut un essai samedi' },
  { ...base, kind: 'stage', from: 'new', to: 'contacted' },
  { ...base, kind: 'callback-set', callbackId: 'c', dueAt: base.at },
  { ...base, kind: 'callback-done', callbackId: 'c' },
  { ...base, kind: 'callback-snoozed', callbackId: 'c', dueAt: base.at },
  { ...base, kind: 'consent-given', consentId: 'k', number: '+33612345678' },
  { ...base, kind: 'consent-revoked', consentId: 'k', number: '+33612345678' },
  { ...base, kind: 'merged', mergedLeadId: 'other' },
  { ...base, kind: 'imported', file: 'leads.csv', changes: ['contact.phones', 'contact.address.city', 'tags'] },
  { ...base, kind: 'edited', fields: ['contact.email', 'contact.phones', 'somethingNew'] },
];

const lines = (locale: 'fr' | 'en') => {
  const i18n = createI18n(locale);
  const context = { t: i18n.t as unknown as Translate, when: () => '11/06/2025 12:00', phone: () => '06 12 34 56 78' };
  return entries.map((entry) => ({ kind: entry.kind, ...timelineText(entry, context) }));
};
const words = (line: ReturnType<typeof lines>[number]) =>
  [line.label, line.text, line.detail].filter(Boolean).join(' ');

describe('timelineText', () => {
  it('labels a note "Note:" in English and "Note :" in French', () => {
    expect(lines('en').find((l) => l.kind === 'note')).toMatchObject({ label: 'Note:', text: 'Veut un essai samedi' });
    expect(lines('fr').find((l) => l.kind === 'note')).toMatchObject({ label: 'Note :', text: 'Veut un essai samedi' });
  });

  it('never puts a space before a colon in English, always one in French (times aside)', () => {
    const english = lines('en').map(words);
    expect(english.filter((text) => /\s:/.test(text))).toEqual([]);
    const french = lines('fr').map(words);
    expect(french.filter((text) => /[^\s\d]:/.test(text))).toEqual([]);
    expect(french.filter((text) => / :/.test(text)).length).toBeGreaterThanOrEqual(2); // note and stage
  });

  it('translates every kind of entry and names imported changes and edited fields in words', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const line of lines(locale)) {
        expect(line.text, `${locale}:${line.kind}`).not.toMatch(/^leads\./);
        expect(line.label ?? '', `${locale}:${line.kind}`).not.toMatch(/^leads\./);
      }
    }
    expect(lines('fr').find((l) => l.kind === 'imported')?.detail).toBe('téléphones, ville, étiquettes');
    expect(lines('en').find((l) => l.kind === 'imported')?.detail).toBe('phones, city, tags');
    // A field core may log later and the catalogs do not know yet stays readable as its path.
    expect(lines('fr').find((l) => l.kind === 'edited')?.detail).toBe('e-mail, téléphones, somethingNew');
    expect(lines('en').find((l) => l.kind === 'edited')?.detail).toBe('email, phones, somethingNew');
  });
});
