import { describe, expect, it } from 'vitest';
import {
  buildDraft,
  fieldForServerPath,
  newLeadDirty,
  serverIssues,
} from '../../../../src/renderer/leads/create/new-lead';
import { LeadDraftSchema } from '../../../../src/shared/domain/lead';

const blank = { firstName: '', lastName: '', phone: '', email: '', make: '', model: '' };

describe('new lead form', () => {
  it('builds a draft the contract accepts, phone in E.164', () => {
    const built = buildDraft(
      { ...blank, firstName: ' Élodie ', lastName: 'Martin', phone: '06 12 34 56 78', make: 'Peugeot', model: '208' },
      'FR',
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.draft.contact.phones[0]).toMatchObject({
      e164: '+33612345678',
      raw: '06 12 34 56 78',
      preferred: true,
    });
    expect(built.draft.contact.firstName).toBe('Élodie');
    expect(built.draft.vehicles).toEqual([{ interest: 'buy', make: 'Peugeot', model: '208' }]);
    expect(LeadDraftSchema.safeParse(built.draft).success).toBe(true);
  });

  it('names the field at fault locally', () => {
    expect(buildDraft(blank, 'FR')).toEqual({ ok: false, problems: { lastName: 'needName' } });
    expect(buildDraft({ ...blank, lastName: 'M', phone: '12' }, 'FR')).toEqual({
      ok: false,
      problems: { phone: 'badPhone' },
    });
    // The lead schema's e-mail rule, checked before core is asked.
    expect(buildDraft({ ...blank, lastName: 'M', email: 'm@' }, 'FR')).toEqual({
      ok: false,
      problems: { email: 'badEmail' },
    });
    expect(buildDraft({ ...blank, lastName: 'M', make: 'Renault' }, 'FR')).toEqual({
      ok: false,
      problems: { model: 'needModel' },
    });
  });

  it('puts server errors on the right field', () => {
    expect(fieldForServerPath('draft.contact.email')).toBe('email');
    expect(fieldForServerPath('contact.phones.0.e164')).toBe('phone');
    expect(fieldForServerPath('draft.vehicles.0.model')).toBe('model');
    expect(fieldForServerPath('draft.stage')).toBeNull();
    expect(
      serverIssues({
        code: 'invalid-request',
        message: 'x',
        issues: [{ field: 'draft.contact.email', message: 'Invalid email' }],
      }),
    ).toEqual({
      fields: { email: { path: 'draft.contact.email', message: 'Invalid email' } },
      general: false,
    });
    expect(serverIssues({ code: 'conflict', message: 'dup' })).toEqual({ fields: {}, general: true });
  });
});

describe('new lead form left with typed data (a reload asks first)', () => {
  it('holds nothing when empty or only spaces, something once any field is typed in', () => {
    expect(newLeadDirty(blank)).toBe(false);
    expect(newLeadDirty({ ...blank, firstName: '  ', phone: ' ' })).toBe(false);
    expect(newLeadDirty({ ...blank, phone: '06' })).toBe(true);
    expect(newLeadDirty({ ...blank, model: '208' })).toBe(true);
  });
});
