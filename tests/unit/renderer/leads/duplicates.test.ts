import { describe, expect, it } from 'vitest';
import {
  duplicateKey,
  duplicateQuery,
  editedContactQuery,
  otherLeads,
  queryKey,
} from '../../../../src/renderer/leads/create/duplicates';
import type { Contact, LeadDraft } from '../../../../src/shared/domain/lead';
import type { LeadSummary } from '../../../../src/shared/domain/lead-query';

const draft = (phones: string[], email?: string): LeadDraft => ({
  contact: {
    kind: 'individual',
    firstName: 'Benoît',
    phones: phones.map((e164, i) => ({ e164, raw: e164, type: 'mobile', preferred: i === 0 })),
    ...(email !== undefined ? { email } : {}),
  },
  vehicles: [],
  stage: 'new',
  tags: [],
  consents: [],
});

describe('the new-lead form’s duplicate check', () => {
  it('asks about every number and the e-mail, without an empty e-mail', () => {
    expect(duplicateQuery(draft(['+33783574789', '+33612345678'], ' b@x.fr '))).toEqual({
      phones: ['+33783574789', '+33612345678'],
      email: 'b@x.fr',
    });
    expect(duplicateQuery(draft(['+33783574789'], '  '))).toEqual({ phones: ['+33783574789'] });
  });

  it('keeps "create anyway" for the same number and e-mail only', () => {
    const key = duplicateKey(draft(['+33783574789'], 'B@x.fr'));
    expect(duplicateKey(draft(['+33783574789'], 'b@x.fr '))).toBe(key);
    expect(duplicateKey(draft(['+33783574780'], 'b@x.fr'))).not.toBe(key);
    expect(duplicateKey(draft(['+33783574789']))).not.toBe(key);
  });
});

describe('the contact editor’s duplicate check', () => {
  const phone = (e164: string) => ({ e164, raw: e164, type: 'mobile' as const, preferred: false });
  const julien: Contact = {
    kind: 'individual',
    firstName: 'Julien',
    phones: [phone('+33783574789')],
    email: 'julien@example.fr',
  };

  it('asks only about a number or e-mail the seller brought in', () => {
    expect(editedContactQuery(julien, { ...julien, firstName: 'Jules' })).toBeNull();
    expect(editedContactQuery(julien, { ...julien, email: ' JULIEN@example.fr ' })).toBeNull();
    expect(editedContactQuery(julien, { ...julien, phones: [...julien.phones, phone('+33612345678')] })).toEqual({
      phones: ['+33612345678'],
    });
    expect(editedContactQuery(julien, { ...julien, phones: [phone('+33612345678')], email: 'j@x.fr' })).toEqual({
      phones: ['+33612345678'],
      email: 'j@x.fr',
    });
    // A number removed or an e-mail cleared has nothing to ask about.
    expect(editedContactQuery(julien, { kind: 'individual', firstName: 'Julien', phones: [] })).toBeNull();
    expect(editedContactQuery({ kind: 'individual', phones: [] }, { ...julien, phones: [] })).toEqual({
      phones: [],
      email: 'julien@example.fr',
    });
  });

  it('does not count the lead being edited as its own double', () => {
    const summary = (id: string): LeadSummary => ({
      id,
      name: id,
      phone: '+33783574789',
      stage: 'new',
      tags: [],
      createdAt: '2026-11-27T09:00:00.000Z',
    });
    expect(otherLeads([summary('julien'), summary('benoit'), summary('anne')], 'julien').map((l) => l.id)).toEqual([
      'benoit',
      'anne',
    ]);
    expect(otherLeads([summary('julien')], 'julien')).toEqual([]);
  });

  it('keeps "save anyway" for the same numbers and e-mail only', () => {
    const key = queryKey({ phones: ['+33612345678'], email: 'J@x.fr' });
    expect(queryKey({ phones: ['+33612345678'], email: 'j@x.fr' })).toBe(key);
    expect(queryKey({ phones: ['+33612345679'], email: 'j@x.fr' })).not.toBe(key);
  });
});
