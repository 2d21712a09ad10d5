import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../src/core/leads/import/csv/decode';
import { parseCsv } from '../../../../src/core/leads/import/csv/parse-csv';
import { csvToDrafts } from '../../../../src/core/leads/import/csv/read-csv';
import {
  guessField,
  guessMapping,
  importFieldNames,
  importFields,
  resolveField,
} from '../../../../src/core/leads/import/mapping';
import { RowConverter } from '../../../../src/core/leads/import/to-draft';
import { fixture } from './helpers';

const ctx = { region: 'FR', zone: 'Europe/Paris' };

describe('header guesses', () => {
  it.each([
    ['Nom', 'lastName'],
    ['Prénom', 'firstName'],
    ['PRENOM', 'firstName'],
    ['Tél', 'phone'],
    ['Téléphone', 'phone'],
    ['Portable', 'phoneMobile'],
    ['Mobile', 'phoneMobile'],
    ['GSM', 'phoneMobile'],
    ['Fixe', 'phoneHome'],
    ['E-mail', 'email'],
    ['Mail', 'email'],
    ['Courriel', 'email'],
    ['Adresse', 'street'],
    ['CP', 'postalCode'],
    ['Code postal', 'postalCode'],
    ['Ville', 'city'],
    ['Marque', 'vehicleMake'],
    ['Modèle', 'vehicleModel'],
    ['Version', 'vehicleTrim'],
    ['Finition', 'vehicleTrim'],
    ['VIN', 'vehicleVin'],
    ['N° de série', 'vehicleVin'],
    ['Immatriculation', 'vehicleRegistration'],
    ['Immat.', 'vehicleRegistration'],
    ['Kilométrage', 'tradeInMileage'],
    ['Km', 'tradeInMileage'],
    ['Prix', 'vehiclePrice'],
    ['Source', 'source'],
    ['Origine', 'source'],
    ['Vendeur', 'owner'],
    ['Commentaire', 'notes'],
    ['Date de création', 'createdAt'],
    ['First name', 'firstName'],
    ['Email', 'email'],
    ['Phone', 'phone'],
    ['Make', 'vehicleMake'],
    ['Marque reprise', 'tradeInMake'],
    ['Reprise - Modèle', 'tradeInModel'],
    ['Immatriculation du véhicule repris', 'tradeInRegistration'],
    ['Téléphone 2', 'phone'],
    ['E-mail client', 'email'],
  ])('%s -> %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('guesses nothing for unknown headers, and each non-phone field once', () => {
    expect(guessField('Civilité')).toBeUndefined();
    expect(guessMapping(['Nom', 'Nom de famille', 'Tél', 'Portable', 'Fixe', 'Bidule'])).toEqual({
      Nom: 'lastName',
      Tél: 'phone',
      Portable: 'phoneMobile',
      Fixe: 'phoneHome',
    });
  });

  it('guesses every export label back to its field (an export re-imports with no mapping)', () => {
    for (const field of importFieldNames.filter((f) => f !== 'ignore')) {
      expect(guessField(importFields[field].fr), importFields[field].fr).toBe(field);
      expect(guessField(importFields[field].en), importFields[field].en).toBe(field);
    }
  });

  it("accepts the renderer's short ids as aliases", () => {
    expect(resolveField('mobile')).toBe('phoneMobile');
    expect(resolveField('make')).toBe('vehicleMake');
    expect(resolveField('nope')).toBeUndefined();
  });
});

describe('row -> draft', () => {
  const draftOf = (row: Record<string, string>) => {
    const headers = Object.keys(row);
    const mapping = guessMapping(headers);
    return new RowConverter(
      headers,
      headers.map((h) => mapping[h] as never),
      ctx,
    ).convert(Object.values(row));
  };

  it('builds phones with types, the plain "Téléphone" column preferred, E.164 plus the raw text', () => {
    const { draft } = draftOf({
      Téléphone: '01 42 68 53 00',
      Portable: '06 12 34 56 78 / 0033 7 81 22 33 44',
      Fixe: '+33 1 42 68 53 00',
    });
    expect(draft!.contact.phones).toEqual([
      { e164: '+33142685300', raw: '01 42 68 53 00', type: 'home', preferred: true },
      { e164: '+33612345678', raw: '06 12 34 56 78', type: 'mobile', preferred: false },
      { e164: '+33781223344', raw: '0033 7 81 22 33 44', type: 'mobile', preferred: false },
    ]);
  });

  it('maps French stage, condition and interest words, and a company to a business contact', () => {
    const { draft } = draftOf({
      Société: 'Garage Martin SARL',
      Mail: 'Contact@Garage.fr',
      Étape: 'Rendez-vous',
      État: 'VO',
      Intérêt: 'LOA',
      Marque: 'Kia',
      Modèle: 'Niro',
    });
    expect(draft).toMatchObject({
      contact: { kind: 'business', fullName: 'Garage Martin SARL', email: 'contact@garage.fr' },
      stage: 'appointment',
      vehicles: [{ interest: 'lease', condition: 'used', make: 'Kia', model: 'Niro' }],
    });
    for (const [word, stage] of [
      ['nouveau', 'new'],
      ['contacté', 'contacted'],
      ['RDV', 'appointment'],
      ['venu', 'visited'],
      ['visite', 'visited'],
      ['vendu', 'sold'],
      ['perdu', 'lost'],
    ])
      expect(draftOf({ Tél: '0612345678', Étape: word! }).draft!.stage).toBe(stage);
  });

  it('keeps a consent only with its date, wording and the number it covers', () => {
    const { draft } = draftOf({
      Tél: '0612345678',
      'Consentement le': '01/09/2025 10:00',
      'Texte du consentement': "J'accepte d'être appelé",
    });
    expect(draft!.consents).toEqual([
      expect.objectContaining({
        number: '+33612345678',
        givenAt: '2025-09-01T08:00:00.000Z',
        wording: "J'accepte d'être appelé",
      }),
    ]);
    expect(draftOf({ Tél: '0612345678', 'Consentement le': '01/09/2025' }).problems).toEqual([
      { column: 'Consentement le', problem: { code: 'consent-date-without-wording' } },
    ]);
  });
});

describe('every reject reason, with line and column', () => {
  it('lists each bad row of the fixture where the user will look for it', async () => {
    const csv = parseCsv(decodeText(await fixture('rejects-every-reason.csv')).text);
    const out = csvToDrafts(csv, guessMapping(csv.headers), ctx);
    expect(out.items.map((i) => i.line)).toEqual([2]);
    expect(out.rejects).toEqual([
      {
        line: 3,
        column: 'Téléphone',
        reason: "phone '12 34' is not a valid number",
        problem: { code: 'phone-invalid', value: '12 34' },
      },
      { line: 4, reason: 'no phone and no e-mail: nothing to call', problem: { code: 'no-contact-channel' } },
      {
        line: 5,
        column: 'Année',
        reason: "year '20255' is not a year",
        problem: { code: 'year-invalid', value: '20255' },
      },
      {
        line: 6,
        column: 'Étape',
        reason: expect.stringMatching(/^stage 'gagné' is not one of new, contacted, appointment, visited, sold, lost/),
        problem: { code: 'not-one-of', field: 'stage', value: 'gagné' },
      },
      {
        line: 7,
        column: 'E-mail',
        reason: "e-mail 'x@' is not valid",
        problem: { code: 'email-invalid', value: 'x@' },
      },
      {
        line: 8,
        column: 'Date de création',
        reason: "date '31/02/2025' does not exist",
        problem: { code: 'date-not-exist', value: '31/02/2025' },
      },
      {
        line: 9,
        column: 'Prix',
        reason: "price 'douze mille' is not a number",
        problem: { code: 'price-invalid', value: 'douze mille' },
      },
      {
        line: 10,
        reason: "vehicle model is missing (make 'Toyota' given)",
        problem: { code: 'vehicle-model-missing', make: 'Toyota' },
      },
      {
        line: 11,
        column: 'VIN',
        reason: expect.stringMatching(/^VIN 'VF1-ÉÉÉ' is not valid/),
        problem: { code: 'vin-invalid', value: 'VF1-ÉÉÉ' },
      },
      {
        line: 12,
        column: 'Kilométrage',
        reason: "mileage 'beaucoup' is not a whole number of km",
        problem: { code: 'mileage-invalid', value: 'beaucoup' },
      },
      {
        line: 13,
        column: 'Pays',
        reason: expect.stringMatching(/^country 'Narnia' is not known/),
        problem: { code: 'country-unknown', value: 'Narnia' },
      },
      {
        line: 14,
        reason: 'row has 14 columns, the header has 13 (a separator inside an unquoted value?)',
        problem: { code: 'column-count', cells: 14, columns: 13 },
      },
    ]);
  });

  it('rejects the last row of a truncated file instead of importing half a comment', async () => {
    const csv = parseCsv((await fixture('truncated.csv')).toString('utf8'));
    const out = csvToDrafts(csv, guessMapping(csv.headers), ctx);
    expect(out.items.map((i) => i.line)).toEqual([2]);
    expect(out.rejects).toEqual([
      {
        line: 3,
        reason: 'quoted field opened on line 3 never closes: the file looks truncated',
        problem: { code: 'quote-never-closes', line: 3 },
      },
    ]);
  });
});
