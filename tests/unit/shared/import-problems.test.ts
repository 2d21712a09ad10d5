import { describe, expect, it } from 'vitest';
import {
  ImportProblemSchema,
  importProblemText,
  notTextFileMessage,
  type ImportProblem,
  type ImportProblemCode,
} from '../../../src/shared/domain/import-problems';
import { ImportRejectSchema } from '../../../src/shared/domain/import-report';

/** One problem per code: the type makes a new code without a sample a compile error. */
const samples: { [C in ImportProblemCode]: Extract<ImportProblem, { code: C }> } = {
  'phone-invalid': { code: 'phone-invalid', value: '06 1234' },
  'email-invalid': { code: 'email-invalid', value: 'x@' },
  'no-contact-channel': { code: 'no-contact-channel' },
  'date-invalid': { code: 'date-invalid', value: 'demain' },
  'date-not-exist': { code: 'date-not-exist', value: '31/02/2025' },
  'number-invalid': { code: 'number-invalid', value: 'douze' },
  'country-unknown': { code: 'country-unknown', value: 'Narnia' },
  'mileage-invalid': { code: 'mileage-invalid', value: 'beaucoup' },
  'tag-too-long': { code: 'tag-too-long', start: 'une étiquette beaucoup trop lo', max: 50 },
  'consent-wording-without-date': { code: 'consent-wording-without-date' },
  'consent-date-without-wording': { code: 'consent-date-without-wording' },
  'consent-without-phone': { code: 'consent-without-phone' },
  'price-invalid': { code: 'price-invalid', value: 'douze mille' },
  'currency-invalid': { code: 'currency-invalid', value: 'EU' },
  'vehicle-without-make-model': { code: 'vehicle-without-make-model' },
  'vehicle-make-missing': { code: 'vehicle-make-missing', model: 'Clio' },
  'vehicle-model-missing': { code: 'vehicle-model-missing', make: 'Toyota' },
  'too-long': { code: 'too-long', start: 'Rue de la République, bâtime', max: 200 },
  'year-invalid': { code: 'year-invalid', value: '20255' },
  'vin-invalid': { code: 'vin-invalid', value: 'VF1-ÉÉÉ' },
  'not-one-of': { code: 'not-one-of', field: 'stage', value: 'gagné' },
  'column-count': { code: 'column-count', cells: 14, columns: 13 },
  'quote-never-closes': { code: 'quote-never-closes', line: 3 },
  'not-text-file': { code: 'not-text-file' },
  'file-empty': { code: 'file-empty' },
  'no-column-matched': { code: 'no-column-matched' },
  'xml-malformed': { code: 'xml-malformed', line: 10, column: 4, detail: "Unexpected close tag 'x'." },
  'no-prospect': { code: 'no-prospect' },
  'no-customer-contact': { code: 'no-customer-contact' },
  'value-refused': { code: 'value-refused', message: 'Invalid string' },
  'lead-rule-broken': {
    code: 'lead-rule-broken',
    field: 'tags',
    message: 'Too big: expected array to have <=50 items',
  },
  'merge-breaks-rule': {
    code: 'merge-breaks-rule',
    earlierLine: 2,
    field: 'tags',
    message: 'Too big: expected array to have <=50 items',
  },
  other: { code: 'other', message: 'something the import did not expect' },
};

const schemaCodes = ImportProblemSchema.options.map((o) => o.shape.code.value);

describe('import problems in words', () => {
  it('has a sample for every code of the schema, and the schema accepts each', () => {
    expect(Object.keys(samples).sort()).toEqual([...schemaCodes].sort());
    for (const problem of Object.values(samples)) expect(ImportProblemSchema.parse(problem)).toEqual(problem);
  });

  it.each(Object.values(samples))('$code: a French and an English sentence, not the same', (problem) => {
    const fr = importProblemText(problem, 'fr');
    const en = importProblemText(problem, 'en');
    expect(fr.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(fr).not.toBe(en);
  });

  it('says English word for word as the import always has (the CLI prints it)', () => {
    const en = (p: ImportProblem) => importProblemText(p, 'en');
    expect(en(samples['phone-invalid'])).toBe("phone '06 1234' is not a valid number");
    expect(en(samples['email-invalid'])).toBe("e-mail 'x@' is not valid");
    expect(en(samples['no-contact-channel'])).toBe('no phone and no e-mail: nothing to call');
    expect(en(samples['date-not-exist'])).toBe("date '31/02/2025' does not exist");
    expect(en(samples['date-invalid'])).toBe(
      "date 'demain' is not a date (expected 31/12/2025, 31/12/2025 14:30 or 2025-12-31)",
    );
    expect(en(samples['vin-invalid'])).toBe("VIN 'VF1-ÉÉÉ' is not valid (at most 17 letters and digits, no I, O or Q)");
    expect(en(samples['not-one-of'])).toBe(
      "stage 'gagné' is not one of new, contacted, appointment, visited, sold, lost (or nouveau, contacté, rdv, venu, vendu, perdu)",
    );
    expect(en({ code: 'not-one-of', field: 'condition', value: 'cassé' })).toBe(
      "condition 'cassé' is not one of neuf/VN, occasion/VO (new, used)",
    );
    expect(en(samples['tag-too-long'])).toBe("tag 'une étiquette beaucoup trop lo…' is longer than 50 characters");
    expect(en(samples['quote-never-closes'])).toBe(
      'quoted field opened on line 3 never closes: the file looks truncated',
    );
    expect(en(samples['not-text-file'])).toBe(notTextFileMessage);
    expect(en(samples['xml-malformed'])).toBe("XML is malformed at line 10, column 4: Unexpected close tag 'x'.");
    expect(en(samples['no-prospect'])).toBe('no <prospect> found: is this an ADF file?');
    expect(en(samples['merge-breaks-rule'])).toBe(
      'same person as the lead of line 2 (same phone or e-mail), and the two together break a rule: tags: Too big: expected array to have <=50 items',
    );
    expect(en({ ...samples['merge-breaks-rule'], earlierLine: undefined })).toMatch(
      /^same person as a lead already in Relance /,
    );
    expect(en(samples.other)).toBe('something the import did not expect');
  });

  it('says French as a dealership does, with the values between « »', () => {
    const fr = (p: ImportProblem) => importProblemText(p, 'fr');
    expect(fr(samples['phone-invalid'])).toBe(
      "Le numéro «\u00a006 1234\u00a0» n'est pas un numéro de téléphone valide",
    );
    expect(fr(samples['no-contact-channel'])).toBe('Ni téléphone ni e-mail : aucun moyen de joindre ce prospect');
    expect(fr(samples['date-not-exist'])).toBe("La date «\u00a031/02/2025\u00a0» n'existe pas");
    expect(fr(samples['not-one-of'])).toBe(
      'Étape «\u00a0gagné\u00a0» inconnue : indiquez nouveau, contacté, rdv, venu, vendu ou perdu',
    );
    expect(fr(samples['xml-malformed'])).toMatch(/^Le fichier XML est mal formé à la ligne 10, colonne 4/);
  });

  it('words a too-big value in French from its numbers, and keeps the schema words otherwise', () => {
    const message = 'Too big: expected string to have <=100 characters';
    expect(importProblemText({ code: 'value-refused', message, max: 100, of: 'characters' }, 'fr')).toBe(
      'Valeur trop longue : 100 caractères au plus',
    );
    expect(importProblemText({ code: 'value-refused', message, max: 100, of: 'characters' }, 'en')).toBe(message);
    expect(importProblemText({ code: 'value-refused', message: 'x', max: 20, of: 'items' }, 'fr')).toBe(
      "Trop d'éléments : 20 au plus",
    );
    expect(importProblemText({ code: 'value-refused', message: 'Invalid string' }, 'fr')).toBe(
      'Valeur refusée (Invalid string)',
    );
  });

  it('a reject from before the codes (reason only) still validates; a made-up code does not', () => {
    expect(ImportRejectSchema.safeParse({ line: 3, reason: "phone '1' is not a valid number" }).success).toBe(true);
    expect(
      ImportRejectSchema.safeParse({ line: 3, reason: 'x', problem: { code: 'phone-invalid', value: '1' } }).success,
    ).toBe(true);
    expect(ImportRejectSchema.safeParse({ line: 3, reason: 'x', problem: { code: 'made-up' } }).success).toBe(false);
    expect(ImportRejectSchema.safeParse({ line: 3, reason: 'x', problem: { code: 'phone-invalid' } }).success).toBe(
      false,
    );
  });
});
