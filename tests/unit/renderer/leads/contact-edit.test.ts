import { describe, expect, it } from 'vitest';
import {
  addPhoneRow,
  contactFieldForPath,
  contactFormDirty,
  contactFormValues,
  contactServerProblems,
  contactToSend,
  firstProblemId,
  MAX_PHONES,
  preferPhoneRow,
  readContactForm,
  removePhoneRow,
  type ContactFormValues,
} from '../../../../src/renderer/leads/detail/contact-edit';
import { LeadEditSchema } from '../../../../src/shared/contract';
import type { Contact } from '../../../../src/shared/domain/lead';
import { createI18n } from '../../../../src/renderer/i18n/i18n';

const elodie: Contact = {
  kind: 'individual',
  firstName: 'Élodie',
  lastName: 'Martin',
  // Keys in another order than the form writes them, as an imported lead may have them.
  phones: [
    { preferred: true, type: 'mobile', raw: '06.12.34.56.78', e164: '+33612345678' },
    { e164: '+41221234567', raw: '+41 22 123 45 67', type: 'work', preferred: false },
  ],
  email: 'elodie.martin@example.fr',
  address: { city: 'Lyon', postalCode: '69003', country: 'FR' },
  preferredContactTime: 'après 18h',
};

const read = (values: ContactFormValues, base: Contact = elodie) => readContactForm(base, values, 'FR');
const ok = (values: ContactFormValues, base: Contact = elodie) => {
  const edit = read(values, base);
  if (!edit.ok) throw new Error(`refused: ${JSON.stringify(edit.problems)}`);
  return edit;
};

describe('contact form values', () => {
  it('shows a lead’s contact as the seller reads it: home numbers national, others international', () => {
    const values = contactFormValues(elodie, 'FR');
    expect(values).toMatchObject({
      kind: 'individual',
      firstName: 'Élodie',
      lastName: 'Martin',
      fullName: '',
      email: 'elodie.martin@example.fr',
      street: '',
      city: 'Lyon',
      postalCode: '69003',
      country: 'FR',
      preferredContactTime: 'après 18h',
    });
    expect(values.phones.map(({ number, type, preferred }) => ({ number, type, preferred }))).toEqual([
      { number: '06 12 34 56 78', type: 'mobile', preferred: true },
      { number: '+41 22 123 45 67', type: 'work', preferred: false },
    ]);
  });

  it('makes the first number preferred when none is', () => {
    const values = contactFormValues(
      { kind: 'individual', lastName: 'M', phones: elodie.phones.map((p) => ({ ...p, preferred: false })) },
      'FR',
    );
    expect(values.phones.map((p) => p.preferred)).toEqual([true, false]);
  });
});

describe('whether the contact form holds changes (Esc asks before dropping them)', () => {
  const initial = contactFormValues(elodie, 'FR');

  it('is clean as opened, with an added number row left empty, and with spaces around a value', () => {
    expect(contactFormDirty(initial, initial)).toBe(false);
    expect(contactFormDirty(initial, { ...initial, phones: addPhoneRow(initial.phones, 'n0') })).toBe(false);
    expect(contactFormDirty(initial, { ...initial, city: ' Lyon  ', email: 'elodie.martin@example.fr ' })).toBe(false);
  });

  it('is dirty once a field, a number, its type, the preferred one or the kind changes', () => {
    expect(contactFormDirty(initial, { ...initial, email: 'autre@example.fr' })).toBe(true);
    expect(contactFormDirty(initial, { ...initial, preferredContactTime: '' })).toBe(true);
    expect(contactFormDirty(initial, { ...initial, kind: 'business' })).toBe(true);
    const added = addPhoneRow(initial.phones, 'n0').map((row) =>
      row.key === 'n0' ? { ...row, number: '07 98 76 54 32' } : row,
    );
    expect(contactFormDirty(initial, { ...initial, phones: added })).toBe(true);
    const retyped = initial.phones.map((row, i) => (i === 1 ? { ...row, type: 'home' as const } : row));
    expect(contactFormDirty(initial, { ...initial, phones: retyped })).toBe(true);
    expect(contactFormDirty(initial, { ...initial, phones: preferPhoneRow(initial.phones, 'p1') })).toBe(true);
    expect(contactFormDirty(initial, { ...initial, phones: removePhoneRow(initial.phones, 'p1') })).toBe(true);
  });

  it('is clean again when the seller types the old value back', () => {
    const typed = { ...initial, firstName: 'Élo' };
    expect(contactFormDirty(initial, typed)).toBe(true);
    expect(contactFormDirty(initial, { ...typed, firstName: 'Élodie' })).toBe(false);
  });
});

describe('reading the contact form', () => {
  it('changes nothing when nothing was touched (no request, no empty history line)', () => {
    const edit = ok(contactFormValues(elodie, 'FR'));
    expect(edit.changed).toEqual([]);
    expect(contactToSend(elodie, edit)).toBeNull();
  });

  it('sends only the field the seller changed, the rest as stored', () => {
    const values = { ...contactFormValues(elodie, 'FR'), email: '  e.martin@example.com ' };
    const edit = ok(values);
    expect(edit.changed).toEqual(['email']);
    const sent = contactToSend(elodie, edit);
    expect(sent).toEqual({ ...elodie, email: 'e.martin@example.com' });
    // The stored spelling of the numbers is kept, not the one the form shows.
    expect(sent?.phones[0]?.raw).toBe('06.12.34.56.78');
  });

  it('applies the seller’s change onto the contact as it is now, not as it was when the form opened', () => {
    const values = { ...contactFormValues(elodie, 'FR'), lastName: 'Martin-Roux' };
    const edit = ok(values);
    // Meanwhile another window set an e-mail: it stays.
    const now: Contact = { ...elodie, email: 'autre@example.fr' };
    expect(contactToSend(now, edit)).toEqual({ ...now, lastName: 'Martin-Roux' });
  });

  it('adds a number typed nationally, read with the dealership’s region', () => {
    const values = contactFormValues(elodie, 'FR');
    const rows = addPhoneRow(values.phones, 'n0').map((r) =>
      r.key === 'n0' ? { ...r, number: ' 07 98 76 54 32 ', type: 'home' as const } : r,
    );
    const edit = ok({ ...values, phones: rows });
    expect(edit.changed).toEqual(['phones']);
    expect(edit.contact.phones[2]).toEqual({
      e164: '+33798765432',
      raw: '07 98 76 54 32',
      type: 'home',
      preferred: false,
    });
    expect(edit.phoneKeys).toEqual(['p0', 'p1', 'n0']);
    const sent = contactToSend(elodie, edit);
    expect(LeadEditSchema.safeParse({ contact: sent }).success).toBe(true);
  });

  it('reads the same national number differently with another region', () => {
    const values = contactFormValues(elodie, 'BE');
    const rows = addPhoneRow(values.phones, 'n0').map((r) => (r.key === 'n0' ? { ...r, number: '0470 12 34 56' } : r));
    const edit = readContactForm(elodie, { ...values, phones: rows }, 'BE');
    expect(edit.ok && edit.contact.phones.at(-1)?.e164).toBe('+32470123456');
  });

  it('changes a number’s type, the preferred number, and removes one', () => {
    const values = contactFormValues(elodie, 'FR');
    const retyped = values.phones.map((r) => (r.key === 'p1' ? { ...r, type: 'mobile' as const } : r));
    expect(ok({ ...values, phones: retyped }).contact.phones[1]?.type).toBe('mobile');

    const preferred = ok({ ...values, phones: preferPhoneRow(values.phones, 'p1') }).contact.phones;
    expect(preferred.map((p) => p.preferred)).toEqual([false, true]);

    // Removing the preferred number makes the next one preferred.
    const removed = ok({ ...values, phones: removePhoneRow(values.phones, 'p0') });
    expect(removed.changed).toEqual(['phones']);
    expect(removed.contact.phones).toEqual([{ ...elodie.phones[1], preferred: true }]);
  });

  it('ignores an added row left empty, and keeps a preferred number when the preferred row is empty', () => {
    const values = contactFormValues(elodie, 'FR');
    const withEmpty = addPhoneRow(values.phones, 'n0');
    expect(ok({ ...values, phones: withEmpty }).changed).toEqual([]);

    const blank = preferPhoneRow(withEmpty, 'n0');
    expect(ok({ ...values, phones: blank }).contact.phones.map((p) => p.preferred)).toEqual([true, false]);
  });

  it('stops at 20 numbers, as the lead schema does', () => {
    let rows = contactFormValues(elodie, 'FR').phones;
    for (let i = 0; i < 30; i++) rows = addPhoneRow(rows, `n${i}`);
    expect(rows).toHaveLength(MAX_PHONES);
  });

  it('clears a field emptied and drops an address left empty', () => {
    const values = { ...contactFormValues(elodie, 'FR'), email: ' ', city: '', postalCode: '', country: '' };
    const edit = ok(values);
    expect(edit.changed).toEqual(['address', 'email']);
    const sent = contactToSend(elodie, edit);
    expect(sent).not.toHaveProperty('email');
    expect(sent).not.toHaveProperty('address');
  });

  it('fills an address, the country upper-cased', () => {
    const values = { ...contactFormValues(elodie, 'FR'), street: '12 rue Garibaldi', country: 'be' };
    expect(ok(values).contact.address).toEqual({
      city: 'Lyon',
      postalCode: '69003',
      country: 'BE',
      street: '12 rue Garibaldi',
    });
  });

  it('turns an individual into a business with its company name', () => {
    const values = { ...contactFormValues(elodie, 'FR'), kind: 'business' as const, fullName: 'Garage Martin SARL' };
    const edit = ok(values);
    expect(edit.changed).toEqual(['fullName', 'kind']);
  });
});

describe('problems found by the contact form', () => {
  const values = contactFormValues(elodie, 'FR');

  it('asks for a name, and a company name for a business', () => {
    const noName = read({ ...values, firstName: ' ', lastName: '' });
    expect(noName).toEqual({
      ok: false,
      problems: { fields: { lastName: { kind: 'local', problem: 'needName' } }, phones: {} },
    });
    // A full name alone (an ADF lead) is a name.
    expect(read({ ...values, firstName: '', lastName: '', fullName: 'Élodie Martin' }).ok).toBe(true);
    const business = read({ ...values, kind: 'business' });
    expect(!business.ok && business.problems.fields).toEqual({ fullName: { kind: 'local', problem: 'needCompany' } });
  });

  it('refuses a bad number and the same number twice, on their rows', () => {
    let rows = addPhoneRow(values.phones, 'n0');
    rows = addPhoneRow(rows, 'n1').map((r) =>
      r.key === 'n0' ? { ...r, number: '12' } : r.key === 'n1' ? { ...r, number: '+33 6 12 34 56 78' } : r,
    );
    const edit = read({ ...values, phones: rows });
    expect(!edit.ok && edit.problems.phones).toEqual({
      n0: { kind: 'local', problem: 'badPhone' },
      n1: { kind: 'local', problem: 'duplicatePhone' },
    });
  });

  it('refuses a bad e-mail and a country that is not one (XX)', () => {
    const edit = read({ ...values, email: 'elodie@', country: 'XX' });
    expect(!edit.ok && edit.problems.fields).toEqual({
      email: { kind: 'local', problem: 'badEmail' },
      country: { kind: 'local', problem: 'badCountry' },
    });
    expect(!read({ ...values, country: 'Fr4nce' }).ok).toBe(true);
  });

  it('takes a country by its name in French or English, as its code', () => {
    const address = (country: string) => {
      const edit = ok({ ...values, country, postalCode: '1000' });
      return edit.contact.address?.country;
    };
    expect(address('Belgique')).toBe('BE');
    expect(address('belgium')).toBe('BE');
    expect(address(' be ')).toBe('BE');
    expect(address('Suisse')).toBe('CH');
  });

  it('refuses a French postal code that is not five digits, and leaves other countries’ alone', () => {
    const edit = read({ ...values, postalCode: '7501', country: 'France' });
    expect(!edit.ok && edit.problems.fields).toEqual({ postalCode: { kind: 'local', problem: 'badPostalCode' } });
    expect(read({ ...values, postalCode: '75011', country: 'France' }).ok).toBe(true);
    expect(read({ ...values, postalCode: '1000', country: 'BE' }).ok).toBe(true);
  });

  it('focuses the first field at fault in screen order', () => {
    const rows = values.phones.map((r) => (r.key === 'p1' ? { ...r, number: 'abc' } : r));
    const edit = read({ ...values, firstName: '', lastName: '', email: 'x', phones: rows });
    expect(edit.ok).toBe(false);
    if (edit.ok) return;
    expect(firstProblemId(edit.problems, { ...values, phones: rows })).toBe('contact-edit-lastName');
    const phoneOnly = read({ ...values, email: 'x', phones: rows });
    if (phoneOnly.ok) throw new Error('should be refused');
    expect(firstProblemId(phoneOnly.problems, { ...values, phones: rows })).toBe('contact-edit-phone-p1');
  });

  it('has a sentence in French and English for every problem it finds', () => {
    for (const locale of ['fr', 'en'] as const) {
      const i18n = createI18n(locale);
      for (const problem of [
        'needName',
        'needCompany',
        'badPhone',
        'duplicatePhone',
        'badEmail',
        'badCountry',
        'badPostalCode',
      ]) {
        const key = `leads.create.${problem}`;
        expect(i18n.exists(key), `${locale}:${key}`).toBe(true);
      }
    }
  });
});

describe('core’s refusals on the contact form', () => {
  it('puts each issue on its field, a number’s on its row', () => {
    expect(contactFieldForPath('changes.contact.email', [])).toEqual({ field: 'email' });
    expect(contactFieldForPath('contact.address.postalCode', [])).toEqual({ field: 'postalCode' });
    expect(contactFieldForPath('changes.contact.phones.1.e164', ['p0', 'n0'])).toEqual({ phone: 'n0' });
    expect(contactFieldForPath('changes.contact.phones', ['p0'])).toEqual({ field: 'phones' });
    expect(contactFieldForPath('changes.owner', [])).toBeNull();

    const error = {
      code: 'invalid-request' as const,
      message: 'Invalid leads.update: …',
      field: 'changes.contact.email',
      issues: [
        { field: 'changes.contact.email', message: 'Invalid email address' },
        { field: 'changes.contact.phones.1.e164', message: 'must be an E.164 number' },
      ],
    };
    const split = contactServerProblems(error, ['p0', 'n0']);
    expect(split.general).toBe(false);
    expect(split.problems.fields.email).toEqual({
      kind: 'server',
      error: { code: 'invalid-request', field: 'changes.contact.email', message: 'Invalid email address' },
    });
    expect(split.problems.phones.n0).toMatchObject({
      kind: 'server',
      error: { field: 'changes.contact.phones.1.e164' },
    });
  });

  it('leaves an error no field explains to the whole form', () => {
    expect(contactServerProblems({ code: 'not-found', message: 'no such lead' }, [])).toEqual({
      problems: { fields: {}, phones: {} },
      general: true,
    });
  });
});
