import { describe, expect, it } from 'vitest';
import { duplicateKey, duplicateQuery } from '../../../../src/renderer/leads/create/duplicates';
import type { LeadDraft } from '../../../../src/shared/domain/lead';

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
