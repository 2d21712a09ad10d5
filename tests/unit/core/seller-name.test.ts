import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/test-core';
import { defaultSellerName, sellerName } from '../../../src/core/settings/seller-name';

describe('sellerName', () => {
  it('is the SIP display name, trimmed, when there is one', () => {
    expect(sellerName({ locale: 'en', sip: { displayName: '  Élodie Martin ' } })).toBe('Élodie Martin');
  });

  it('says "seller" in the settings’ language when the display name is blank', () => {
    expect(sellerName({ locale: 'fr', sip: { displayName: '' } })).toBe('Vendeur');
    expect(sellerName({ locale: 'en', sip: { displayName: '   ' } })).toBe('Seller');
    expect(defaultSellerName('en')).toBe('Seller');
  });
});

describe('the default seller in core', () => {
  it('signs notes and owns new leads as "Seller" in English, "Vendeur" in French', async () => {
    const { core } = await openTestCore('relance-seller-');
    try {
      const draft = {
        contact: { kind: 'individual' as const, firstName: 'Inès', lastName: 'Roux', phones: [] },
        vehicles: [],
        stage: 'new' as const,
        tags: [],
        consents: [],
      };
      await core.settings.update({ locale: 'en', sip: { displayName: '' } });
      const english = await core.leadService.create({
        ...draft,
        contact: { ...draft.contact, email: 'ines@example.fr' },
      });
      expect(english.owner).toBe('Seller');
      const noted = await core.leadService.addNote(english.id, 'Wants a test drive');
      expect(noted.timeline.at(-1)).toMatchObject({ kind: 'note', author: 'Seller' });

      await core.settings.update({ locale: 'fr' });
      const french = await core.leadService.addNote(english.id, 'Rappeler samedi');
      expect(french.timeline.at(-1)).toMatchObject({ kind: 'note', author: 'Vendeur' });
    } finally {
      await core.close();
    }
  });
});
