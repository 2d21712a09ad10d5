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
import { parseAdf } from '../../../../src/core/leads/import/adf/parse-adf';
import { warningText } from '../../../../src/shared/domain/import-report';
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

  it('types a number of the plain "Téléphone" column mobile when the numbering plan says so, unless a typed column gives it', () => {
    const phones = (row: Record<string, string>) =>
      draftOf({ Nom: 'Durand', ...row }).draft!.contact.phones.map((p) => [p.raw, p.type]);
    expect(phones({ Téléphone: '06 55 44 33 22' })).toEqual([['06 55 44 33 22', 'mobile']]);
    expect(phones({ Téléphone: '07 81 22 33 44 / 01 42 68 53 00' })).toEqual([
      ['07 81 22 33 44', 'mobile'],
      ['01 42 68 53 00', 'other'],
    ]);
    expect(phones({ Téléphone: '+32 470 12 34 56' })).toEqual([['+32 470 12 34 56', 'mobile']]);
    // The US plan cannot tell a mobile from a fixed line: nothing is claimed.
    expect(phones({ Téléphone: '+1 415 555 2671' })).toEqual([['+1 415 555 2671', 'other']]);
    // A typed column says better than the number, "Autre téléphone" included (exports write both).
    expect(phones({ Téléphone: '06 55 44 33 22', 'Tél domicile': '06 55 44 33 22' })).toEqual([
      ['06 55 44 33 22', 'home'],
    ]);
    expect(phones({ Téléphone: '06 55 44 33 22', 'Autre téléphone': '06 55 44 33 22' })).toEqual([
      ['06 55 44 33 22', 'other'],
    ]);
    expect(phones({ 'Autre téléphone': '06 55 44 33 22' })).toEqual([['06 55 44 33 22', 'other']]);
    // Two typed columns: the first still wins, as before.
    expect(
      phones({ Téléphone: '06 55 44 33 22', 'Tél domicile': '06 55 44 33 22', 'Tél pro': '06 55 44 33 22' }),
    ).toEqual([['06 55 44 33 22', 'home']]);
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

describe('a row with no name and no company', () => {
  const read = (text: string) => {
    const csv = parseCsv(text);
    return csvToDrafts(csv, guessMapping(csv.headers), ctx);
  };

  it('is imported, and the report says so with its line and the empty name columns', () => {
    const out = read(
      'Nom;Prénom;Téléphone;Société;Ville\r\n;;06 55 44 33 22;;Lille\r\nDurand;;06 12 34 56 78;;Lyon\r\n',
    );
    expect(out.items.map((i) => i.line)).toEqual([2, 3]);
    expect(out.rejects).toEqual([]);
    expect(out.warnings).toEqual([
      {
        line: 2,
        message: "no name and no company: imported without a name (nothing in 'Nom', 'Prénom', 'Société')",
        notice: { code: 'no-name', where: ['Nom', 'Prénom', 'Société'] },
      },
    ]);
    expect(warningText(out.warnings[0]!, 'fr')).toBe(
      'Ni nom ni société : prospect importé sans nom (rien dans «\u00a0Nom\u00a0», «\u00a0Prénom\u00a0», «\u00a0Société\u00a0»)',
    );
  });

  it('a company alone names the lead; a file with no name column says it once, on its header line', () => {
    expect(read('Société;Téléphone\nGarage Martin;06 55 44 33 22\n').warnings).toEqual([]);
    const out = read('Téléphone;Ville\n06 55 44 33 22;Lille\n06 12 34 56 78;Lyon\n');
    expect(out.items).toHaveLength(2);
    expect(out.warnings.map((w) => [w.line, w.notice])).toEqual([[1, { code: 'no-name-column' }]]);
  });

  it('in an ADF file too', () => {
    const adf = parseAdf(
      '<adf><prospect><customer><contact><phone>06 55 44 33 22</phone></contact></customer></prospect></adf>',
      ctx,
    );
    expect(adf.items).toHaveLength(1);
    expect(adf.warnings.map((w) => w.notice)).toEqual([{ code: 'no-name', where: ['customer/contact/name'] }]);
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
